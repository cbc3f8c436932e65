/**
 * Session descriptions (RFC 4566) for one G.711 audio stream: the offer waihu puts in its INVITE, and a parser for
 * what comes back (answers in 183/200, offers in a re-INVITE that puts the call on hold). Only what an audio call
 * needs is read: connection address, media port and formats, rtpmap/fmtp, ptime and the direction attribute.
 */

/** The media direction attribute (RFC 3264 §5.1); sendonly and inactive from the far end mean hold. */
export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** The G.711 laws waihu speaks. */
export type AudioCodecName = 'PCMU' | 'PCMA';

/** Static payload types of RFC 3551 for the two laws. */
export const STATIC_PAYLOAD_TYPES: Readonly<Record<AudioCodecName, number>> = { PCMU: 0, PCMA: 8 };

/** The dynamic payload type waihu offers for RFC 4733 telephone-event (the value most gateways use). */
export const TELEPHONE_EVENT_PAYLOAD_TYPE = 101;

/** Packet duration offered and assumed when an answer says nothing: 20 ms, 160 samples at 8 kHz. */
export const DEFAULT_PTIME_MS = 20;

const DIRECTIONS: ReadonlySet<string> = new Set(['sendrecv', 'sendonly', 'recvonly', 'inactive']);

/** What goes into waihu's offer (or answer, for a re-INVITE). */
export interface AudioSdpInput {
  /** The address RTP is received on (IPv4 or IPv6). */
  address: string;
  port: number;
  /** o= session id: chosen once per call. */
  sessionId: string;
  /** o= version: one more for every changed description in the same call (RFC 3264 §8). */
  version: number;
  /** Laws in order of preference; both by default, PCMU first. */
  codecs?: readonly AudioCodecName[];
  direction?: MediaDirection;
}

/** An audio SDP body with the codecs, telephone-event 0-16 (the DTMF digits and flash), ptime 20. */
export function buildAudioSdp(input: AudioSdpInput): string {
  const codecs = input.codecs ?? ['PCMU', 'PCMA'];
  const family = input.address.includes(':') ? 'IP6' : 'IP4';
  const types = codecs.map((name) => STATIC_PAYLOAD_TYPES[name]);
  const lines = [
    'v=0',
    `o=waihu ${input.sessionId} ${input.version} IN ${family} ${input.address}`,
    's=waihu',
    `c=IN ${family} ${input.address}`,
    't=0 0',
    `m=audio ${input.port} RTP/AVP ${[...types, TELEPHONE_EVENT_PAYLOAD_TYPE].join(' ')}`,
    ...codecs.map((name) => `a=rtpmap:${STATIC_PAYLOAD_TYPES[name]} ${name}/8000`),
    `a=rtpmap:${TELEPHONE_EVENT_PAYLOAD_TYPE} telephone-event/8000`,
    `a=fmtp:${TELEPHONE_EVENT_PAYLOAD_TYPE} 0-16`,
    `a=ptime:${DEFAULT_PTIME_MS}`,
    `a=${input.direction ?? 'sendrecv'}`,
  ];
  return lines.join('\r\n') + '\r\n';
}

/** One rtpmap entry: encoding name, clock rate, channels. */
export interface RtpMap {
  encoding: string;
  clockRate: number;
  channels?: number;
}

/** One m= section. */
export interface SdpMedia {
  type: string;
  port: number;
  proto: string;
  /** Payload types in the sender's order of preference. */
  formats: number[];
  rtpmap: Map<number, RtpMap>;
  fmtp: Map<number, string>;
  ptime?: number;
  /** The media's own direction, else the session's, else sendrecv. */
  direction: MediaDirection;
  /** The media's c= address, else the session's. */
  address?: string;
}

/** A parsed session description. */
export interface SessionDescription {
  origin: { username: string; sessionId: string; version: string; address: string };
  media: SdpMedia[];
}

/** The outcome of a parse. */
export type SdpParseResult = { ok: true; sdp: SessionDescription } | { ok: false; error: string };

/** The address of a c= value `IN IP4 a.b.c.d[/ttl]`. */
function parseConnection(value: string): string | undefined {
  const match = /^IN IP[46] ([^/\s]+)/.exec(value);
  return match?.[1];
}

/** Applies one a= line to the media section being read. */
function applyAttribute(media: SdpMedia, value: string): string | undefined {
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  const rest = colon < 0 ? '' : value.slice(colon + 1);
  if (DIRECTIONS.has(name)) media.direction = name as MediaDirection;
  else if (name === 'ptime' && /^\d+(\.\d+)?$/.test(rest)) media.ptime = Number(rest);
  else if (name === 'rtpmap') {
    const match = /^(\d+) ([^/\s]+)\/(\d+)(?:\/(\d+))?$/.exec(rest.trim());
    if (!match) return `malformed rtpmap: ${rest}`;
    const map: RtpMap = { encoding: match[2]!, clockRate: Number(match[3]) };
    if (match[4] !== undefined) map.channels = Number(match[4]);
    media.rtpmap.set(Number(match[1]), map);
  } else if (name === 'fmtp') {
    const match = /^(\d+) (.*)$/.exec(rest.trim());
    if (match) media.fmtp.set(Number(match[1]), match[2]!.trim());
  }
  return undefined;
}

/** Parses a session description; never throws. Session-level c= and direction apply to media lacking their own. */
export function parseSdp(text: string): SdpParseResult {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines[0] !== 'v=0') return { ok: false, error: 'SDP must start with v=0' };
  let origin: SessionDescription['origin'] | undefined;
  let sessionAddress: string | undefined;
  let sessionDirection: MediaDirection = 'sendrecv';
  const media: SdpMedia[] = [];
  const ownDirection = new Set<SdpMedia>();
  for (const line of lines.slice(1)) {
    if (line[1] !== '=') return { ok: false, error: `malformed SDP line: ${line.slice(0, 60)}` };
    const value = line.slice(2);
    const current = media[media.length - 1];
    if (line[0] === 'o') {
      const parts = value.split(' ');
      if (parts.length !== 6) return { ok: false, error: `malformed o= line: ${value}` };
      origin = { username: parts[0]!, sessionId: parts[1]!, version: parts[2]!, address: parts[5]! };
    } else if (line[0] === 'c') {
      const address = parseConnection(value);
      if (!address) return { ok: false, error: `malformed c= line: ${value}` };
      if (current) current.address = address;
      else sessionAddress = address;
    } else if (line[0] === 'm') {
      const match = /^(\w+) (\d+)(?:\/\d+)? (\S+)((?: \S+)*)$/.exec(value);
      if (!match) return { ok: false, error: `malformed m= line: ${value}` };
      const formats = match[4]!.trim().split(' ').filter(Boolean).map(Number);
      if (formats.some((pt) => !Number.isInteger(pt) || pt < 0 || pt > 127)) return { ok: false, error: `bad payload types: ${value}` };
      media.push({ type: match[1]!, port: Number(match[2]), proto: match[3]!, formats, rtpmap: new Map(), fmtp: new Map(), direction: 'sendrecv' });
    } else if (line[0] === 'a') {
      if (current) {
        const error = applyAttribute(current, value);
        if (error) return { ok: false, error };
        if (DIRECTIONS.has(value)) ownDirection.add(current);
      } else if (DIRECTIONS.has(value)) sessionDirection = value as MediaDirection;
    }
  }
  if (!origin) return { ok: false, error: 'SDP without o= line' };
  for (const m of media) {
    if (!ownDirection.has(m)) m.direction = sessionDirection;
    if (m.address === undefined && sessionAddress !== undefined) m.address = sessionAddress;
  }
  return { ok: true, sdp: { origin, media } };
}
