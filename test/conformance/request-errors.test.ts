// Routing and parameter errors (docs/errors.md) on the Alibaba products, provoked by real clients: what each
// client throws for them, and that every error body carries a RequestId.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { PROBES } from '../support/probes.js';
import { DYVMS, openApiClient } from '../support/sdk-clients.js';
import { assertOpenApiClientError, rejection } from '../support/sdk-errors.js';

const TTS_CALL = { CalledNumber: '13900001234', CalledShowNumber: '057112345678', TtsCode: 'TTS_0000000', TtsParam: '{"code":"1234"}' };
// CancelCall is in the SDK's dyvms model but not in the documented catalog, and waihu does not build it.
const CANCEL_CALL = { CallId: '116012854210^102814279210' };

describe('request errors seen through every client', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  for (const probe of PROBES) {
    test(`${probe.name}: SingleCallByTts without TtsCode is MissingTtsCode (400)`, async () => {
      const params = { CalledNumber: '13900001234' };
      const err = await rejection(probe.call(server, server.key, { version: DYVMS, action: 'SingleCallByTts', params }));
      const data = probe.check(err, { code: 'MissingTtsCode', status: 400 }, server);
      assert.equal(data.Message, 'TtsCode is mandatory for this action.');
    });

    test(`${probe.name}: SingleCallByTts with PlayTimes=9 is InvalidParameter (400) naming PlayTimes`, async () => {
      const params = { ...TTS_CALL, PlayTimes: 9 };
      const err = await rejection(probe.call(server, server.key, { version: DYVMS, action: 'SingleCallByTts', params }));
      const data = probe.check(err, { code: 'InvalidParameter', status: 400 }, server);
      assert.ok(String(data.Message).includes('"PlayTimes"'), String(data.Message));
    });

    test(`${probe.name}: a valid CancelCall is NotImplemented (501) while the action is unbuilt`, async () => {
      const err = await rejection(probe.call(server, server.key, { version: DYVMS, action: 'CancelCall', params: CANCEL_CALL }));
      const data = probe.check(err, { code: 'NotImplemented', status: 501 }, server);
      assert.ok(String(data.Message).includes('CancelCall'), String(data.Message));
      assert.equal(data.HostId, 'dyvmsapi.aliyuncs.com', 'HostId names the product endpoint');
    });

    test(`${probe.name}: an unknown action is InvalidApi.NotFound (404)`, async () => {
      const err = await rejection(probe.call(server, server.key, { version: DYVMS, action: 'MakeCoffee' }));
      const data = probe.check(err, { code: 'InvalidApi.NotFound', status: 404 }, server);
      assert.ok(String(data.Message).includes('MakeCoffee'), String(data.Message));
    });

    test(`${probe.name}: version 2099-01-01 is NoSuchVersion (400)`, async () => {
      const err = await rejection(probe.call(server, server.key, { version: '2099-01-01', action: 'SingleCallByTts', params: TTS_CALL }));
      const data = probe.check(err, { code: 'NoSuchVersion', status: 400 }, server);
      assert.ok(String(data.Message).includes('2099-01-01'), String(data.Message));
    });
  }

  test('thirdswaicall CreateCallOutboundInstant with its params in a form body (as its SDK sends them) is NotImplemented', async () => {
    const client = openApiClient(server.host, server.key);
    const params = { TaskId: 1001, CalledNumber: '13900001234', CustomerName: '张三', EncryptCall: false, PromptVariables: '{"name":"张三"}' };
    const err = await rejection(client.call({ version: '2025-11-27', action: 'CreateCallOutboundInstant', params, where: 'form' }));
    const data = assertOpenApiClientError(err, { code: 'NotImplemented', status: 501 });
    assert.equal(data.HostId, 'thirdswaicall.aliyuncs.com');
  });

  test('thirdswaicall rejects TaskId "abc" (a Long) as InvalidParameter naming TaskId', async () => {
    const client = openApiClient(server.host, server.key);
    const err = await rejection(client.call({ version: '2025-11-27', action: 'CreateCallOutboundInstant', params: { TaskId: 'abc' }, where: 'form' }));
    const data = assertOpenApiClientError(err, { code: 'InvalidParameter', status: 400 });
    assert.ok(String(data.Message).includes('"TaskId"'), String(data.Message));
  });

  test('aiccs GetHotlineServiceStatistics (GET only) sent with POST is UnsupportedHTTPMethod (400)', async () => {
    const client = openApiClient(server.host, server.key);
    const call = { version: '2019-10-15', action: 'GetHotlineServiceStatistics', params: { InstanceId: 'i-1' } } as const;
    assertOpenApiClientError(await rejection(client.call({ ...call, method: 'POST' })), { code: 'UnsupportedHTTPMethod', status: 400 });
    // With GET the same call passes routing and validation and only meets the unbuilt action.
    assertOpenApiClientError(await rejection(client.call({ ...call, method: 'GET' })), { code: 'NotImplemented', status: 501 });
  });
});
