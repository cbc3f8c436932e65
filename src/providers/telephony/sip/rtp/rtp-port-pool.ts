/**
 * Hands out the UDP ports that calls receive RTP on, from the range the operator opened in the firewall (for example
 * 20000-20999), each with its socket already bound. Only even ports are used: RTP sits on even ports and RTCP, when
 * a peer uses it, on the odd one above (RFC 3550 11), so the odd neighbour is left alone.
 *
 * Ports are handed out round-robin from after the last one given, not lowest-first, so that a port freed by a call
 * that just ended is not reused at once and stray packets of the old call do not land in the new one. A port some
 * other process holds fails to bind and the next one is tried; the pool only reports exhaustion after trying every
 * port of the range once.
 */
import dgram from 'node:dgram';

/** Where RTP sockets are bound. */
export interface RtpPortPoolOptions {
  /** Lowest port of the range (rounded up to even). */
  minPort: number;
  /** Highest port of the range, inclusive. */
  maxPort: number;
  /** Local address to bind; 127.0.0.1 by default. */
  address?: string;
}

/** A bound RTP socket on a port of the pool; release it when the call ends. */
export interface RtpPortLease {
  readonly socket: dgram.Socket;
  readonly address: string;
  readonly port: number;
  /** Closes the socket (if still open) and gives the port back; safe to call twice. */
  release(): void;
}

/** The ports of one range, and which of them calls hold. */
export class RtpPortPool {
  readonly address: string;
  private readonly ports: readonly number[];
  private readonly range: string;
  private readonly inUse = new Set<number>();
  /** Index in `ports` where the next search starts. */
  private cursor = 0;

  constructor(options: RtpPortPoolOptions) {
    const first = options.minPort + (options.minPort % 2);
    if (!(Number.isInteger(options.minPort) && Number.isInteger(options.maxPort) && first >= 1024 && options.maxPort <= 65535 && first <= options.maxPort)) {
      throw new RangeError(`RTP port range must hold an even port within 1024-65535, not ${options.minPort}-${options.maxPort}`);
    }
    const ports: number[] = [];
    for (let port = first; port <= options.maxPort; port += 2) ports.push(port);
    this.ports = ports;
    this.address = options.address ?? '127.0.0.1';
    this.range = `${options.minPort}-${options.maxPort}`;
  }

  /** How many ports the range offers. */
  get capacity(): number {
    return this.ports.length;
  }

  /** How many ports calls hold now. */
  get leased(): number {
    return this.inUse.size;
  }

  /** A socket bound on the next free even port; rejects when every port of the range is held or fails to bind. */
  async acquire(): Promise<RtpPortLease> {
    let lastError: unknown;
    for (let tried = 0; tried < this.ports.length; tried++) {
      const port = this.ports[this.cursor]!;
      this.cursor = (this.cursor + 1) % this.ports.length;
      if (this.inUse.has(port)) continue;
      // Held before the bind resolves, so concurrent acquires never race for the same port.
      this.inUse.add(port);
      try {
        const socket = await bindSocket(this.address, port);
        return this.lease(socket, port);
      } catch (error) {
        this.inUse.delete(port);
        lastError = error;
      }
    }
    const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
    throw new Error(`no free RTP port in ${this.range} on ${this.address}${reason}`);
  }

  private lease(socket: dgram.Socket, port: number): RtpPortLease {
    let released = false;
    return {
      socket,
      address: this.address,
      port,
      release: () => {
        if (released) return;
        released = true;
        try {
          socket.close();
        } catch {
          // Already closed by its user: the port is free either way.
        }
        this.inUse.delete(port);
      },
    };
  }
}

/** A UDP socket bound on `address`:`port`, or the bind error (EADDRINUSE when another process holds it). */
function bindSocket(address: string, port: number): Promise<dgram.Socket> {
  const socket = dgram.createSocket({ type: address.includes(':') ? 'udp6' : 'udp4' });
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      socket.close();
      reject(error);
    };
    socket.once('error', onError);
    socket.bind({ address, port, exclusive: true }, () => {
      socket.off('error', onError);
      resolve(socket);
    });
  });
}
