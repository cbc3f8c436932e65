// A replayed request (same bytes, same nonce) is refused with SignatureNonceUsed, and the real client that receives
// the refusal reports it as its vectors say (sdk-13). A recording proxy sits between the client and waihu.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { dataOf, PROBES } from '../support/probes.js';
import { startReplayProxy } from '../support/replay-proxy.js';
import { WAIHU } from '../support/sdk-clients.js';
import { rejection } from '../support/sdk-errors.js';

const IDENTITY = { version: WAIHU, action: 'GetCallerIdentity' };

describe('nonce replay through a recording proxy', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  for (const probe of PROBES) {
    test(`${probe.name}: the first request passes, its exact replay is SignatureNonceUsed (400)`, async () => {
      const proxy = await startReplayProxy(server.port);
      try {
        const first = await probe.call(proxy, server.key, IDENTITY);
        assert.deepEqual(dataOf(first), { AccountId: server.key.AccountId, AccessKeyId: server.key.AccessKeyId });
        assert.equal(proxy.replays, 0);

        const err = await rejection(probe.call(proxy, server.key, IDENTITY));
        assert.equal(proxy.replays, 1, 'the proxy sent the recorded request instead of the new one');
        const data = probe.check(err, { code: 'SignatureNonceUsed', status: 400 }, proxy);
        assert.equal(data.Message, 'Specified signature nonce was used already.');
      } finally {
        await proxy.stop();
      }
      // The key itself is fine: a fresh request (new nonce) straight to the server is accepted.
      const fresh = await probe.call(server, server.key, IDENTITY);
      assert.equal(dataOf(fresh).AccessKeyId, server.key.AccessKeyId);
    });
  }
});
