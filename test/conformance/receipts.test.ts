// Receipt delivery actions through the official clients (JSON, and openapi-core asking for XML): a pull
// subscription, ReceiveMessages / DeleteMessages, the delivery log, re-push and the signing secret; bad input is
// refused naming the parameter; accounts are isolated.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenApiCoreModule from '@alicloud/openapi-core';
import { RuntimeOptions } from '@alicloud/tea-util';
import type { NewReceipt } from '../../src/core/receipts/receipt-records.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { flatQuery, WAIHU } from '../support/sdk-clients.js';
import { CLIENTS, otherTenant, type Tenant } from './aiccs-kit.js';
import { refused, waihu } from './waihu-kit.js';

type Row = Record<string, unknown>;
const OpenApiCore = OpenApiCoreModule.default;

/** The raw XML body of a waihu call through openapi-core asking Format=XML. */
async function waihuXml(t: Tenant, action: string, params: Record<string, unknown>): Promise<{ status: number; body: string }> {
  const [host] = t.url.replace('http://', '').split('/');
  const client = new OpenApiCore(new OpenApiCoreModule.$OpenApiUtil.Config({ accessKeyId: t.key.AccessKeyId, accessKeySecret: t.key.AccessKeySecret, endpoint: host, protocol: 'HTTP' }));
  const out = await client.callApi(
    new OpenApiCoreModule.$OpenApiUtil.Params({ action, version: WAIHU, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', bodyType: 'string', reqBodyType: 'formData' }),
    new OpenApiCoreModule.$OpenApiUtil.OpenApiRequest({ query: flatQuery({ ...params, Format: 'XML' }) }),
    new RuntimeOptions({}),
  ).catch((err: { statusCode?: number; data?: unknown; message?: string }) => ({ statusCode: err.statusCode ?? 0, body: String(err.message) }));
  return { status: (out as { statusCode: number }).statusCode, body: String((out as { body: unknown }).body) };
}

function records(accountId: string, callId: string, count: number): NewReceipt[] {
  const at = Date.parse('2026-03-02T09:00:00+08:00');
  return Array.from({ length: count }, (_, i) => ({
    id: `${callId}#${i + 1}`, accountId, messageType: 'VoiceReport' as const, callId, seq: i + 1, mode: 'pull' as const, createdAt: at,
    body: { call_id: callId, status_code: '200000', start_time: at, end_time: null, out_id: `o-${i}` },
  }));
}

describe('receipt delivery actions', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: a pull subscription is received, acknowledged and logged; a re-push brings a message back`, async () => {
      const t = await otherTenant(server, `pull ${client}`);
      const set = await waihu(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: 'PULL:' });
      assert.deepEqual([set.Url, set.Removed], ['pull:', false]);
      assert.deepEqual(((await waihu(client, t, 'GetReceiptConfig')).List as Row[]).map((r) => r.Url), ['pull:']);
      // Call ids are unique across accounts, as the engine's are.
      const [c1, c2] = client === 'pop-core V1' ? ['7^1', '7^2'] : ['6^1', '6^2'];
      await server.app.store.insertReceipts([...records(t.accountId, c1, 2), ...records(t.accountId, c2, 1)]);
      const got = (await waihu(client, t, 'ReceiveMessages', { MessageType: 'VoiceReport', MaxMessages: 10, VisibilityTimeout: 60 })).Messages as Row[];
      assert.deepEqual(got.map((m) => m.MessageId), [`${c1}#1`, `${c2}#1`], "one message per call at a time, the call's first");
      const body = JSON.parse(String(got[0]!.Body)) as Row;
      assert.deepEqual(body, { call_id: c1, status_code: '200000', start_time: '2026-03-02 09:00:00', end_time: '', out_id: 'o-0', message_id: `${c1}#1` });
      assert.deepEqual([got[0]!.DequeueCount, got[0]!.MessageType, got[0]!.CallId, typeof got[0]!.ReceiptHandle], [1, 'VoiceReport', c1, 'string']);
      assert.deepEqual((await waihu(client, t, 'ReceiveMessages', { MessageType: 'VoiceReport' })).Messages, [], 'hidden while being handled');
      const deleted = await waihu(client, t, 'DeleteMessages', { ReceiptHandles: [got[0]!.ReceiptHandle, 'not-a-handle'] });
      assert.deepEqual(deleted, { Deleted: 1, FailedHandles: ['not-a-handle'] });
      const next = (await waihu(client, t, 'ReceiveMessages', { MessageType: 'VoiceReport' })).Messages as Row[];
      assert.deepEqual(next.map((m) => m.MessageId), [`${c1}#2`]);

      const log = await waihu(client, t, 'ListReceiptDeliveries', { Status: 'delivered' });
      assert.equal(log.Total, 1);
      const row = (log.List as Row[])[0]!;
      assert.deepEqual([row.MessageId, row.Mode, row.Status, row.Attempts, row.NextAttemptTime, typeof row.DeliveredTime], [`${c1}#1`, 'pull', 'delivered', 1, null, 'number']);
      const repush = await waihu(client, t, 'RepushReceipts', { MessageIds: [`${c1}#1`, `${c1}#2`] });
      assert.deepEqual(repush, { Queued: 1, SkippedMessageIds: [`${c1}#2`] }, 'a message still pending is skipped');
      assert.equal((await waihu(client, t, 'ListReceiptDeliveries', { CallId: c1, Status: 'pending' })).Total, 2);

      const other = await otherTenant(server, `pull neighbour ${client}`);
      assert.deepEqual((await waihu(client, other, 'ReceiveMessages', { MessageType: 'VoiceReport' })).Messages, []);
      assert.deepEqual(await waihu(client, other, 'DeleteMessages', { ReceiptHandles: [next[0]!.ReceiptHandle] }), { Deleted: 0, FailedHandles: [next[0]!.ReceiptHandle] });
      assert.equal((await waihu(client, other, 'ListReceiptDeliveries')).Total, 0);
    });

    test(`${client}: the signing secret is stable until reset`, async () => {
      const t = await otherTenant(server, `secret ${client}`);
      const first = await waihu(client, t, 'GetReceiptSecret');
      assert.match(String(first.Secret), /^[0-9a-f]{64}$/);
      assert.equal(first.Algorithm, 'HMAC-SHA256');
      assert.deepEqual(await waihu(client, t, 'GetReceiptSecret'), first);
      const reset = await waihu(client, t, 'ResetReceiptSecret');
      assert.notEqual(reset.Secret, first.Secret);
      assert.deepEqual(await waihu(client, t, 'GetReceiptSecret'), reset);
    });

    test(`${client}: bad input is refused naming the parameter`, async () => {
      const t = await otherTenant(server, `bad pull ${client}`);
      await refused(client, t, 'ReceiveMessages', {}, 'MissingMessageType', 400);
      await refused(client, t, 'ReceiveMessages', { MessageType: 'SmsReport' }, 'InvalidParameter', 400, /"MessageType" is not valid/);
      await refused(client, t, 'ReceiveMessages', { MessageType: 'VoiceReport', MaxMessages: 101 }, 'InvalidParameter', 400, /"MaxMessages" is not valid/);
      await refused(client, t, 'ReceiveMessages', { MessageType: 'VoiceReport', VisibilityTimeout: 0 }, 'InvalidParameter', 400, /"VisibilityTimeout" is not valid/);
      await refused(client, t, 'DeleteMessages', {}, 'MissingReceiptHandles', 400);
      await refused(client, t, 'DeleteMessages', { ReceiptHandles: ['  '] }, 'InvalidParameter', 400, /"ReceiptHandles" is not valid/);
      await refused(client, t, 'ListReceiptDeliveries', { Status: 'lost' }, 'InvalidParameter', 400, /"Status" is not valid/);
      await refused(client, t, 'RepushReceipts', {}, 'MissingMessageIds', 400);
      await refused(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: 'pull:queue' }, 'InvalidParameter', 400, /"Url" is not valid/);
    });
  }

  test('XML: ReceiveMessages answers the messages as XML, and a bad parameter as an XML error', async () => {
    const t = await otherTenant(server, 'pull xml');
    await waihu('openapi-core V3', t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: 'pull:' });
    await server.app.store.insertReceipts(records(t.accountId, '8^1', 1));
    const ok = await waihuXml(t, 'ReceiveMessages', { MessageType: 'VoiceReport' });
    assert.equal(ok.status, 200);
    assert.match(ok.body, /<ReceiveMessagesResponse>.*<Code>OK<\/Code>.*<Messages>.*<MessageId>8\^1#1<\/MessageId>.*<ReceiptHandle>[\w-]+<\/ReceiptHandle>/s);
    const handle = /<ReceiptHandle>([\w-]+)<\/ReceiptHandle>/.exec(ok.body)![1]!;
    const deleted = await waihuXml(t, 'DeleteMessages', { ReceiptHandles: [handle] });
    assert.match(deleted.body, /<Deleted>1<\/Deleted>/);
    const bad = await waihuXml(t, 'ReceiveMessages', { MessageType: 'VoiceReport', MaxMessages: 0 });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /InvalidParameter|MaxMessages/);
  });
});
