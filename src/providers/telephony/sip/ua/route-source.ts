/**
 * The local address the system would send from to reach a peer: what to write into Via, Contact and the SDP when
 * the SIP socket is bound to every interface (0.0.0.0 or ::) and no address is configured. A wildcard address in
 * those headers tells the far end nothing (in SDP it even means "hold"), so the trunk could never answer or send
 * audio back. A connected UDP socket makes the kernel choose the route, and so the source address, without sending
 * a single packet.
 */
import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';

/** True for the addresses that mean "every interface". */
export function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '[::]';
}

/** The source address of the route to `host:port` (IPv6 when `family` is 6); rejects when there is no route. */
export async function routeSourceAddress(host: string, port: number, family: 4 | 6 = isIP(host) === 6 ? 6 : 4): Promise<string> {
  const socket = createSocket(family === 6 ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    return socket.address().address;
  } finally {
    socket.close();
  }
}
