/**
 * Reads the far end's SDP against waihu's audio offer (RFC 3264): where to send RTP, which G.711 law it chose,
 * the payload type of its telephone-event, and whether it holds the call. A description waihu cannot talk to
 * (no common law, audio refused, encrypted RTP) is a clear error, so the call can be ended with a reason.
 */
import { DEFAULT_PTIME_MS, STATIC_PAYLOAD_TYPES, parseSdp, type AudioCodecName, type MediaDirection, type SdpMedia, type SessionDescription } from './sdp.js';

/** What the media layer needs to run the stream. */
export interface NegotiatedAudio {
  remoteAddress: string;
  remotePort: number;
  codec: { name: AudioCodecName; payloadType: number };
  /** The far end's telephone-event payload type; absent when it does not do RFC 4733 (DTMF then is in-band). */
  telephoneEventPayloadType?: number;
  /** The far end's direction as it wrote it. */
  direction: MediaDirection;
  /** True when the far end stops sending: sendonly, inactive, or the RFC 2543 `c=0.0.0.0` hold. */
  onHold: boolean;
  ptimeMs: number;
}

/** The negotiation outcome. */
export type NegotiationResult = { ok: true; audio: NegotiatedAudio } | { ok: false; error: string };

/** The law a payload type stands for in this media section: its rtpmap, else the static assignment. */
function lawOf(media: SdpMedia, payloadType: number): AudioCodecName | undefined {
  const map = media.rtpmap.get(payloadType);
  if (!map) return (Object.keys(STATIC_PAYLOAD_TYPES) as AudioCodecName[]).find((name) => STATIC_PAYLOAD_TYPES[name] === payloadType);
  const name = map.encoding.toUpperCase();
  return (name === 'PCMU' || name === 'PCMA') && map.clockRate === 8000 ? name : undefined;
}

/** The telephone-event/8000 payload type listed in the m= line, if any. */
function telephoneEventOf(media: SdpMedia): number | undefined {
  return media.formats.find((pt) => {
    const map = media.rtpmap.get(pt);
    return map !== undefined && map.encoding.toLowerCase() === 'telephone-event' && map.clockRate === 8000;
  });
}

/**
 * Negotiates against the far end's description (an answer, or a re-INVITE offer). The first law in the far end's
 * order that waihu offered wins: an answerer lists its choice first, and honouring an offerer's order is RFC 3264
 * §6.1's advice.
 */
export function negotiateAudio(remote: string | SessionDescription, offered: readonly AudioCodecName[] = ['PCMU', 'PCMA']): NegotiationResult {
  let sdp: SessionDescription;
  if (typeof remote === 'string') {
    const parsed = parseSdp(remote);
    if (!parsed.ok) return parsed;
    sdp = parsed.sdp;
  } else sdp = remote;
  const media = sdp.media.find((m) => m.type === 'audio');
  if (!media) return { ok: false, error: 'no audio stream in the SDP' };
  if (media.port === 0) return { ok: false, error: 'the far end refused the audio stream (port 0)' };
  if (media.proto !== 'RTP/AVP') return { ok: false, error: `unsupported media transport ${media.proto}` };
  if (!media.address) return { ok: false, error: 'no connection address for the audio stream' };
  const payloadType = media.formats.find((pt) => {
    const law = lawOf(media, pt);
    return law !== undefined && offered.includes(law);
  });
  if (payloadType === undefined) {
    return { ok: false, error: `no common codec: offered ${offered.join(', ')}, far end has payload types ${media.formats.join(' ')}` };
  }
  const audio: NegotiatedAudio = {
    remoteAddress: media.address,
    remotePort: media.port,
    codec: { name: lawOf(media, payloadType)!, payloadType },
    direction: media.direction,
    onHold: media.direction === 'sendonly' || media.direction === 'inactive' || media.address === '0.0.0.0',
    ptimeMs: media.ptime ?? DEFAULT_PTIME_MS,
  };
  const telephoneEvent = telephoneEventOf(media);
  if (telephoneEvent !== undefined) audio.telephoneEventPayloadType = telephoneEvent;
  return { ok: true, audio };
}

/** The direction to answer an offer with (RFC 3264 §6.1): the mirror image, so hold is acknowledged, not refused. */
export function answeringDirection(offered: MediaDirection): MediaDirection {
  if (offered === 'sendonly') return 'recvonly';
  if (offered === 'recvonly') return 'sendonly';
  return offered;
}
