/**
 * The `sip` carrier: places outbound calls through one SIP trunk, with RTP media on ports of a configured range, all
 * calls sharing one SIP socket and one 20 ms media clock. Each call is a SipDial (sip-dial.ts); this class holds what
 * calls share and counts the calls in progress so a shutdown can wait for them.
 */
import type { RecordingArchive } from '../../../../core/recordings/call-recording.js';
import type { CallListener, DialRequest, Telephony } from '../../../../ports/telephony.js';
import type { SpeechRecognizer, SpeechSynthesizer } from '../../../../ports/speech.js';
import type { EnergyVadOptions } from '../audio/energy-vad.js';
import { MediaClock, systemMediaTimers } from '../media/media-clock.js';
import { RtpPortPool } from '../rtp/rtp-port-pool.js';
import { isWildcardAddress, routeSourceAddress } from '../ua/route-source.js';
import { SipUdpTransport } from '../ua/udp-transport.js';
import { SipDial } from './sip-dial.js';

/** The trunk and local network settings. */
export interface SipTelephonyConfig {
  /** Where every request goes: the carrier's proxy, SBC or gateway. */
  proxy: { host: string; port: number };
  /** Domain of From/To URIs; the proxy's host by default. */
  domain?: string;
  /** User of From and Contact when a dial gives no caller id. */
  fromUser: string;
  /** Digest credentials of the trunk, if it challenges. */
  username?: string;
  password?: string;
  /** The SIP socket; port 0 picks a free one. */
  bind: { address: string; port: number };
  /** Address written into Via, Contact and the SDP when the bind address is not what the trunk reaches (NAT). */
  advertisedAddress?: string;
  /** RTP ports, bound on `bind.address`. */
  rtp: { minPort: number; maxPort: number };
  /** CANCEL after this long without answer; 60 s by default. */
  ringTimeoutMs?: number;
  /** Longest talk time of any call, whatever the dial asks; unlimited by default. */
  maxDurationMs?: number;
  /** RFC 3261 T1 (500 ms); smaller in tests. */
  t1Ms?: number;
}

/** What calls speak and hear with. */
export interface SipTelephonyServices {
  /** Wrap it in CachedSpeechSynthesizer so repeated prompts are synthesized once. */
  synthesizer: SpeechSynthesizer;
  recognizer?: SpeechRecognizer;
  language?: string;
  /** The 8 kHz samples of an account's stored voice file (what play() plays); without it play() plays silence. */
  mediaLoader?: (accountId: string, mediaId: string) => Promise<Int16Array>;
  vad?: EnergyVadOptions;
  /** Where answered calls are recorded (both legs, stereo WAV); nothing is recorded without it. */
  recordings?: RecordingArchive;
  /** A recording could not be stored; the call is reported without it. */
  onRecordingError?: (error: unknown, callId: string) => void;
  /** The process's media clock; one of its own by default. */
  clock?: MediaClock;
}

/** The SIP carrier; see the module comment. */
export class SipTelephony implements Telephony {
  private readonly transport: SipUdpTransport;
  private readonly ports: RtpPortPool;
  private readonly clock: MediaClock;
  private readonly calls = new Set<SipDial>();
  private started: Promise<void> | undefined;
  private advertised: string | undefined;

  constructor(private readonly config: SipTelephonyConfig, private readonly services: SipTelephonyServices) {
    this.transport = new SipUdpTransport({
      bindAddress: config.bind.address, bindPort: config.bind.port,
      ...(config.advertisedAddress !== undefined ? { advertisedAddress: config.advertisedAddress } : {}),
    });
    this.ports = new RtpPortPool({ minPort: config.rtp.minPort, maxPort: config.rtp.maxPort, address: config.bind.address });
    this.clock = services.clock ?? new MediaClock({ timers: systemMediaTimers });
    this.advertised = config.advertisedAddress;
  }

  /** Calls in progress. */
  get activeCalls(): number {
    return this.calls.size;
  }

  /**
   * Binds the SIP socket (originate does it on first use). Bound to every interface with no advertised address, the
   * address of the interface that routes to the proxy is advertised instead (route-source.ts).
   */
  start(): Promise<void> {
    this.started ??= this.transport.start().then(async () => {
      const { config } = this;
      if (config.advertisedAddress !== undefined || !isWildcardAddress(config.bind.address)) return;
      this.advertised = await routeSourceAddress(config.proxy.host, config.proxy.port, config.bind.address.includes(':') ? 6 : 4);
      this.transport.advertise(this.advertised);
    });
    return this.started;
  }

  /** The address Via, Contact and SDP carry: configured, found by start(), or the bind address. */
  get advertisedAddress(): string | undefined {
    return this.advertised;
  }

  /** Resolves once every call in progress has ended. */
  async drain(): Promise<void> {
    await Promise.all([...this.calls].map((call) => call.done));
  }

  /** Closes the SIP socket; end or drain the calls first. */
  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    this.started = undefined;
    await this.transport.stop();
  }

  /** Takes an RTP port and sends the INVITE; rejects (reporting nothing) when no port or socket is available. */
  async originate(request: DialRequest, listener: CallListener): Promise<void> {
    await this.start();
    const lease = await this.ports.acquire();
    const { config, services } = this;
    let dial: SipDial;
    try {
      dial = new SipDial({
        request, listener, transport: this.transport, lease, clock: this.clock,
        rtpAddress: this.advertised ?? lease.address,
        trunk: {
          proxy: config.proxy, domain: config.domain ?? config.proxy.host, fromUser: config.fromUser,
          ...(config.username !== undefined ? { username: config.username } : {}),
          ...(config.password !== undefined ? { password: config.password } : {}),
        },
        ...(config.ringTimeoutMs !== undefined ? { ringTimeoutMs: config.ringTimeoutMs } : {}),
        ...(config.maxDurationMs !== undefined ? { maxDurationMs: config.maxDurationMs } : {}),
        ...(config.t1Ms !== undefined ? { t1Ms: config.t1Ms } : {}),
        ...(services.recordings ? { recordings: services.recordings } : {}),
        ...(services.onRecordingError ? { onRecordingError: services.onRecordingError } : {}),
        session: {
          synthesizer: services.synthesizer,
          ...(services.recognizer ? { recognizer: services.recognizer } : {}),
          ...(services.language !== undefined ? { language: services.language } : {}),
          ...(services.mediaLoader ? { mediaLoader: services.mediaLoader.bind(undefined, request.accountId) } : {}),
          ...(services.vad ? { vad: services.vad } : {}),
        },
      });
    } catch (error) {
      lease.release();
      throw error;
    }
    this.calls.add(dial);
    void dial.done.then(() => this.calls.delete(dial));
    dial.start();
  }
}
