/**
 * Bound to every interface (the default WAIHU_SIP_BIND, 0.0.0.0:5060) with no advertised address, the INVITE must
 * still tell the trunk where to answer and send audio: Via, Contact and the SDP carry the address of the interface
 * that routes to the proxy, never 0.0.0.0 (which in SDP means "hold"). A plain UDP socket plays the proxy and reads
 * the INVITE as it arrives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import type { CallListener } from '../../src/ports/telephony.js';
import { SipTelephony } from '../../src/providers/telephony/sip/call/sip-telephony.js';

test('bound to 0.0.0.0, the INVITE advertises the address that routes to the proxy in Via, Contact and SDP', async () => {
  const proxy = createSocket('udp4');
  await new Promise<void>((resolve) => proxy.bind(0, '127.0.0.1', resolve));
  const minPort = 20000 + 2 * randomInt(0, 15000);
  const telephony = new SipTelephony(
    { proxy: { host: '127.0.0.1', port: proxy.address().port }, fromUser: 'waihu', bind: { address: '0.0.0.0', port: 0 }, rtp: { minPort, maxPort: minPort + 20 }, t1Ms: 50 },
    { synthesizer: { provider: 'none', synthesize: () => Promise.resolve(new Int16Array(0)), voices: () => [] } },
  );
  const controller = new AbortController();
  const ended = new Promise<void>((resolve) => {
    const listener: CallListener = { ringing: () => undefined, answered: () => Promise.resolve(), ended: () => resolve() };
    void telephony.originate({ attemptId: 'a', callId: '1^1', accountId: 'acc', caller: '10086', callee: '13800000000', signal: controller.signal }, listener);
  });
  try {
    const [datagram] = (await once(proxy, 'message')) as [Buffer];
    const invite = datagram.toString('utf8');
    assert.match(invite, /^INVITE sip:13800000000@127\.0\.0\.1/);
    assert.equal(telephony.advertisedAddress, '127.0.0.1');
    assert.match(invite, /\r\nVia: SIP\/2\.0\/UDP 127\.0\.0\.1:\d+;/i);
    assert.match(invite, /\r\nContact: <sip:10086@127\.0\.0\.1:\d+>/i);
    assert.match(invite, /\r\nc=IN IP4 127\.0\.0\.1\r\n/);
    assert.doesNotMatch(invite, /0\.0\.0\.0/);
  } finally {
    controller.abort();
    await ended;
    await telephony.stop();
    proxy.close();
  }
});
