/**
 * The SIP user agent's one UDP socket (RFC 3261 §18): every call of the process sends and receives through it.
 * Incoming datagrams are parsed and routed: a response to the client transaction that sent the request (matched
 * by top Via branch and CSeq method, §17.1.3), a request to the dialog it belongs to (matched by Call-ID; the
 * dialog checks the tags). Garbage and strays are dropped or answered here so that calls only see their own
 * traffic. One socket for many calls keeps the port count, and the firewall rules, to one.
 */
import { createSocket, type Socket } from 'node:dgram';
import { parseSipMessage, responseTo, serializeSipMessage, type SipMessage, type SipRequest, type SipResponse } from '../signalling/sip-message.js';
import { parseCSeq, parseVia } from '../signalling/sip-header-values.js';
import { newTag } from '../signalling/identifiers.js';

/** Where a datagram came from or goes to. */
export interface SipPeer {
  host: string;
  port: number;
}

/** What a dialog (a call) receives from the transport. */
export interface DialogHandler {
  /** A request of the far end inside (or creating a match on) this Call-ID: BYE, re-INVITE, ACK, OPTIONS, ... */
  onRequest(request: SipRequest, from: SipPeer): void;
  /** A response no live transaction claimed: a retransmitted 2xx to an INVITE whose transaction is over. */
  onStrayResponse(response: SipResponse, from: SipPeer): void;
}

/** Settings of the socket. */
export interface UdpTransportOptions {
  /** Local address to bind (0.0.0.0 for all interfaces). */
  bindAddress: string;
  /** Local port; 0 picks a free one (tests). */
  bindPort: number;
  /** The address written into Via and Contact; by default the bind address (must be reachable by the trunk). */
  advertisedAddress?: string;
  /** Told about datagrams that could not be parsed or routed; silent by default. */
  onDrop?: (reason: string, from: SipPeer) => void;
  /** Sees every message sent and received (logging, tests). */
  trace?: (direction: 'in' | 'out', message: SipMessage, peer: SipPeer) => void;
}

/** Receive buffer of the SIP socket: room for a burst of a few thousand responses. */
const SIP_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

/** The key a client transaction is found by: branch and method, since a CANCEL shares its INVITE's branch. */
export function transactionKey(branch: string, method: string): string {
  return `${branch} ${method.toUpperCase()}`;
}

/** The UDP socket with its routing tables. */
export class SipUdpTransport {
  private readonly transactions = new Map<string, (response: SipResponse, from: SipPeer) => void>();
  private readonly dialogs = new Map<string, DialogHandler>();
  private socket: Socket | undefined;
  private boundPort = 0;
  private advertised: string | undefined;

  constructor(private readonly options: UdpTransportOptions) {
    this.advertised = options.advertisedAddress;
  }

  /** Sets the address written into Via and Contact (found once the route to the trunk is known). */
  advertise(address: string): void {
    this.advertised = address;
  }

  /** Binds the socket; resolves once datagrams can flow. */
  async start(): Promise<void> {
    if (this.socket) return;
    const socket = createSocket({ type: this.options.bindAddress.includes(':') ? 'udp6' : 'udp4' });
    socket.on('message', (data, info) => this.receive(data, { host: info.address, port: info.port }));
    // An ICMP error or a send failure must not crash the process; the transaction's timers end the call.
    socket.on('error', (error) => this.options.onDrop?.(`socket error: ${error.message}`, { host: '', port: 0 }));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(this.options.bindPort, this.options.bindAddress, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    this.socket = socket;
    this.boundPort = socket.address().port;
    // Many calls ending at once (a campaign stopped) answer their BYEs together: the default buffer (about 200 KiB)
    // overflows and the 200s are lost, leaving calls to time out. The kernel caps the size at net.core.rmem_max.
    try {
      socket.setRecvBufferSize(SIP_RECEIVE_BUFFER_BYTES);
    } catch {
      // A platform refusing the size keeps its default; calls still work, retransmissions cover the rare loss.
    }
  }

  /** Closes the socket; routing tables are cleared (calls must be ended before). */
  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    this.transactions.clear();
    this.dialogs.clear();
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }

  /** The host and port written into Via and Contact. */
  get local(): SipPeer {
    return { host: this.advertised ?? this.options.bindAddress, port: this.boundPort };
  }

  /** Sends one message; resolves false when the socket refused it (the caller decides what that means). */
  send(message: SipMessage, to: SipPeer): Promise<boolean> {
    const socket = this.socket;
    if (!socket) return Promise.resolve(false);
    this.options.trace?.('out', message, to);
    const data = Buffer.from(serializeSipMessage(message), 'utf8');
    return new Promise((resolve) => socket.send(data, to.port, to.host, (error) => resolve(!error)));
  }

  /** Routes responses with `key` (see transactionKey) to `handler` until the returned function is called. */
  addTransaction(key: string, handler: (response: SipResponse, from: SipPeer) => void): () => void {
    this.transactions.set(key, handler);
    return () => {
      if (this.transactions.get(key) === handler) this.transactions.delete(key);
    };
  }

  /** Routes requests and stray responses of `callId` to `handler` until the returned function is called. */
  addDialog(callId: string, handler: DialogHandler): () => void {
    this.dialogs.set(callId, handler);
    return () => {
      if (this.dialogs.get(callId) === handler) this.dialogs.delete(callId);
    };
  }

  /** How many calls are routed (for tests and metrics). */
  get dialogCount(): number {
    return this.dialogs.size;
  }

  private receive(data: Buffer, from: SipPeer): void {
    const parsed = parseSipMessage(data);
    if (!parsed.ok) {
      // A lone CRLF keep-alive is normal, not worth a report.
      if (parsed.error !== 'empty message') this.options.onDrop?.(parsed.error, from);
      return;
    }
    this.options.trace?.('in', parsed.message, from);
    if (parsed.message.kind === 'response') this.routeResponse(parsed.message, from);
    else this.routeRequest(parsed.message, from);
  }

  private routeResponse(response: SipResponse, from: SipPeer): void {
    const branch = parseVia(response.headers.get('Via') ?? '')?.branch;
    const method = parseCSeq(response.headers.get('CSeq') ?? '')?.method ?? '';
    const transaction = branch ? this.transactions.get(transactionKey(branch, method)) : undefined;
    if (transaction) return transaction(response, from);
    const dialog = this.dialogs.get(response.headers.get('Call-ID') ?? '');
    if (dialog) return dialog.onStrayResponse(response, from);
    this.options.onDrop?.(`response ${response.status} matches no transaction`, from);
  }

  private routeRequest(request: SipRequest, from: SipPeer): void {
    const dialog = this.dialogs.get(request.headers.get('Call-ID') ?? '');
    if (dialog) return dialog.onRequest(request, from);
    if (request.method === 'ACK') return; // nothing to answer; an ACK for a call already forgotten
    // waihu takes no incoming calls; OPTIONS pings from the trunk are answered so it keeps us marked alive.
    const reply = request.method === 'OPTIONS'
      ? responseTo(request, 200, 'OK', newTag())
      : responseTo(request, 481, 'Call/Transaction Does Not Exist', newTag());
    if (request.method === 'OPTIONS') reply.headers.append('Allow', 'INVITE, ACK, BYE, CANCEL, OPTIONS');
    // Answered to the source address, not the Via's sent-by, which behind NAT is unreachable (RFC 3581).
    void this.send(reply, from);
  }
}

