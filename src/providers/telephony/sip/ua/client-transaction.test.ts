/**
 * The INVITE client transaction's UDP timers against a bare socket: timer A retransmits the INVITE with growing
 * intervals until a provisional response, after which nothing is resent. Loose counts, for a loaded machine.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { parseSipMessage, responseTo, serializeSipMessage, type SipRequest } from '../signalling/sip-message.js';
import { newBranch, newTag } from '../signalling/identifiers.js';
import { InviteClientTransaction, timersFor } from './client-transaction.js';
import { buildInvite, viaFor } from './uac-messages.js';
import { SipUdpTransport } from './udp-transport.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('timer A retransmits the INVITE until a 1xx, then stops', async () => {
  const peer = createSocket('udp4');
  await new Promise<void>((resolve) => peer.bind(0, '127.0.0.1', resolve));
  const received: SipRequest[] = [];
  peer.on('message', (data) => {
    const parsed = parseSipMessage(data);
    if (parsed.ok && parsed.message.kind === 'request') received.push(parsed.message);
  });
  const transport = new SipUdpTransport({ bindAddress: '127.0.0.1', bindPort: 0 });
  await transport.start();
  const statuses: number[] = [];
  const dialog = { callId: 'c1', localUri: 'sip:a@x', localTag: newTag(), remoteUri: 'sip:b@x', remoteTarget: 'sip:b@x', routeSet: [], contact: 'sip:a@127.0.0.1' };
  const invite = buildInvite(dialog, viaFor(transport.local, newBranch()), 1, '');
  const transaction = new InviteClientTransaction(transport, invite, { host: '127.0.0.1', port: peer.address().port }, timersFor(20), {
    onResponse: (response) => statuses.push(response.status),
    onFailure: () => assert.fail('no timeout expected'),
  });
  try {
    transaction.start();
    await delay(250); // sends at 0, 20, 60, 140 ms (+ load): at least 3
    const before = received.length;
    assert.ok(before >= 3, `expected retransmissions, got ${before}`);
    peer.send(serializeSipMessage(responseTo(received[0]!, 180, 'Ringing', newTag())), transport.local.port, '127.0.0.1');
    await delay(100);
    const afterProvisional = received.length;
    await delay(400);
    assert.equal(received.length, afterProvisional, 'no retransmission after a provisional response');
    assert.deepEqual(statuses, [180]);
  } finally {
    transaction.terminate();
    await transport.stop();
    await new Promise<void>((resolve) => peer.close(() => resolve()));
  }
});
