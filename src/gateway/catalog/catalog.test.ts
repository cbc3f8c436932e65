import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActionCatalog, generatedActionSpecs } from './catalog.js';
import { productByHost, productByVersion } from './products.js';
import type { ActionSpec, ParamSpec, ProductName } from './types.js';

const catalog = new ActionCatalog(generatedActionSpecs());

function bySource(product: ProductName, source: ActionSpec['source']): ActionSpec[] {
  return catalog.listActions(product).filter((s) => s.source === source);
}

function spec(product: ProductName, action: string): ActionSpec {
  const found = catalog.findAction(product, action);
  assert.ok(found, `${product} ${action} is in the catalog`);
  return found;
}

function param(s: ActionSpec, name: string): ParamSpec {
  const found = s.params.find((p) => p.name === name);
  assert.ok(found, `${s.action} has param ${name}`);
  return found;
}

test('each product has the documented number of actions per source', () => {
  assert.equal(bySource('dyvmsapi', 'catalog').length, 39);
  assert.equal(bySource('dyvmsapi', 'sdk-model').length, 127);
  assert.equal(bySource('aiccs', 'catalog').length, 20);
  // 146 named only in the seed's directories + 13 that only the SDK has; all have SDK models.
  assert.equal(bySource('aiccs', 'sdk-model').length, 159);
  assert.equal(bySource('aiccs', 'directory').length, 0);
  assert.equal(bySource('thirdswaicall', 'catalog').length, 2);
  assert.equal(bySource('thirdswaicall', 'sdk-model').length, 3);
  assert.equal(catalog.listActions('waihu').length, 0);
});

test('SingleCallByTts: PlayTimes 1~3, OutId at most 15 bytes, CalledShowNumber optional as in the SDK', () => {
  const s = spec('dyvmsapi', 'SingleCallByTts');
  assert.deepEqual(s.methods, ['GET', 'POST']);
  assert.equal(s.successCode, 'OK');
  assert.deepEqual(s.qps, { perUser: 1000, api: 4000 });
  assert.deepEqual([param(s, 'PlayTimes').type, param(s, 'PlayTimes').min, param(s, 'PlayTimes').max], ['Integer', 1, 3]);
  const outId = param(s, 'OutId');
  assert.deepEqual([outId.minLength, outId.maxLength, outId.lengthUnit], [1, 15, 'bytes']);
  assert.equal(param(s, 'CalledShowNumber').required, false);
  assert.equal(param(s, 'TtsCode').required, true);
  assert.ok(!s.params.some((p) => p.name === 'Action'), 'system params are not business params');
});

test('IvrCall.MenuKeyMap is one optional array of {Key, TtsParams, Code} objects', () => {
  const menu = param(spec('dyvmsapi', 'IvrCall'), 'MenuKeyMap');
  assert.equal(menu.type, 'Array');
  assert.equal(menu.required, false);
  assert.equal(menu.items?.type, 'Object');
  assert.deepEqual(menu.items?.fields?.map((f) => f.name), ['Key', 'TtsParams', 'Code']);
  assert.equal(param(spec('dyvmsapi', 'IvrCall'), 'PlayTimes').type, 'Long');
});

test('a repeat list is required when one of its members is', () => {
  const infos = param(spec('dyvmsapi', 'SubmitHotlineTransferRegister'), 'TransferPhoneNumberInfos');
  assert.equal(infos.required, true);
  assert.ok(infos.items?.fields?.every((f) => f.required));
  const details = param(spec('dyvmsapi', 'SetTransferCalleePoolConfig'), 'Details');
  assert.equal(details.required, true);
  assert.deepEqual(details.items?.fields?.map((f) => [f.name, f.required]), [['Caller', false], ['Called', true]]);
});

test('the 11 doc-required, SDK-optional params are optional', () => {
  const relaxed: [string, string][] = [
    ['SingleCallByVoice', 'CalledShowNumber'], ['SingleCallByTts', 'CalledShowNumber'],
    ['AddVirtualNumberRelation', 'CorpNameList'], ['AddVirtualNumberRelation', 'ProdCode'], ['ListCallTask', 'PageNumber'],
    ['UploadRobotTaskCalledFile', 'TtsParam'], ['UploadRobotTaskCalledFile', 'TtsParamHead'],
    ['SubmitHotlineTransferRegister', 'OperatorMailVerifyCode'], ['ListHotlineTransferRegisterFile', 'PageNo'],
    ['ListHotlineTransferRegisterFile', 'PageSize'], ['GetToken', 'TokenType'],
  ];
  for (const [action, name] of relaxed) assert.equal(param(spec('dyvmsapi', action), name).required, false, `${action}.${name}`);
});

test('success codes and string-typed response fields follow the doc and the SDK model', () => {
  assert.equal(spec('dyvmsapi', 'CreateCallTask').successCode, '200');
  assert.equal(spec('dyvmsapi', 'ListCallTaskDetail').successCode, 'OK');
  assert.deepEqual(spec('dyvmsapi', 'QueryRobotTaskDetail').stringFields, ['Data']);
  assert.deepEqual(spec('dyvmsapi', 'AddVirtualNumberRelation').stringFields, ['Data']);
  assert.deepEqual(spec('dyvmsapi', 'StartRobotTask').stringFields, ['Data']);
  assert.equal(spec('dyvmsapi', 'SingleCallByTts').stringFields, undefined);
  assert.equal(spec('aiccs', 'LlmSmartCallEncrypt').successCode, 'OK');
  assert.equal(spec('thirdswaicall', 'UpdateOutboundCallTags').successCode, undefined);
});

test('aiccs: CreateAiCallTask CallTime and CallDay are required JSON arrays; methods include the SDK one', () => {
  const s = spec('aiccs', 'CreateAiCallTask');
  for (const name of ['CallTime', 'CallDay']) {
    assert.deepEqual([param(s, name).type, param(s, name).required, param(s, name).shrink], ['Array', true, 'json']);
  }
  assert.equal(param(s, 'TaskStartTime').type, 'Long');
  assert.deepEqual(spec('aiccs', 'HangupOperate').methods, ['POST']);
  assert.deepEqual(spec('aiccs', 'GetHotlineServiceStatistics').methods, ['GET']);
  assert.ok(catalog.listActions('aiccs').some((a) => a.methods.includes('PUT')));
  assert.ok(catalog.listActions('aiccs').some((a) => a.methods.includes('DELETE')));
  assert.equal(param(s, 'CallDay').items?.type, 'String');
  assert.equal(param(spec('aiccs', 'GetAgentBasisStatus'), 'AgentIds').shrink, 'simple');
});

test('thirdswaicall: Tags is a required array of strings; the SDK actions come from their models', () => {
  const tags = param(spec('thirdswaicall', 'UpdateOutboundCallTags'), 'Tags');
  assert.deepEqual([tags.type, tags.required, tags.items?.type], ['Array', true, 'String']);
  assert.equal(spec('thirdswaicall', 'ReadOutboundTaskCallList').source, 'sdk-model');
});

test('findAction matches exactly, then case-insensitively; unknown names give undefined', () => {
  assert.equal(catalog.findAction('dyvmsapi', 'singlecallbytts')?.action, 'SingleCallByTts');
  assert.equal(catalog.findAction('dyvmsapi', 'SingleCallByTts')?.product, 'dyvmsapi');
  assert.equal(catalog.findAction('aiccs', 'SingleCallByTts'), undefined);
  assert.equal(catalog.findAction('dyvmsapi', 'NoSuchAction'), undefined);
});

test('a later spec list overrides an earlier one; a list may not declare an action twice', () => {
  const base = spec('dyvmsapi', 'SingleCallByTts');
  const refined: ActionSpec = { ...base, source: 'code', params: [] };
  const custom = new ActionCatalog(generatedActionSpecs(), [refined]);
  assert.equal(custom.findAction('dyvmsapi', 'SingleCallByTts')?.source, 'code');
  assert.equal(custom.listActions('dyvmsapi').length, catalog.listActions('dyvmsapi').length);
  assert.throws(() => new ActionCatalog([refined, refined]), /declared twice/);
  assert.throws(() => new ActionCatalog([{ ...refined, version: '2019-10-15' }]), /version/);
});

test('waihu actions declared in code join the catalog', () => {
  const own: ActionSpec = { product: 'waihu', version: '2026-12-01', action: 'ListAccessKeys', source: 'code', methods: ['GET', 'POST'], params: [] };
  const withOwn = new ActionCatalog(generatedActionSpecs(), [own]);
  assert.equal(withOwn.findAction('waihu', 'listaccesskeys'), own);
  assert.deepEqual(withOwn.listActions('waihu'), [own]);
});

test('products resolve by version and by Alibaba host', () => {
  assert.equal(catalog.productByVersion('2017-05-25'), 'dyvmsapi');
  assert.equal(catalog.productByVersion('2026-12-01'), 'waihu');
  assert.equal(catalog.productByVersion('2020-01-01'), undefined);
  assert.equal(catalog.productByHost('dyvmsapi.aliyuncs.com'), 'dyvmsapi');
  assert.equal(catalog.productByHost('AICCS.cn-shanghai.aliyuncs.com:443'), 'aiccs');
  assert.equal(catalog.productByHost('aiccs-vpc.cn-shanghai.aliyuncs.com'), 'aiccs');
  assert.equal(catalog.productByHost('thirdswaicall.aliyuncs.com'), 'thirdswaicall');
  assert.equal(catalog.productByHost('ecs.aliyuncs.com'), undefined);
  assert.equal(catalog.productByHost('waihu.aliyuncs.com'), undefined);
  assert.equal(catalog.productByHost('localhost:8080'), undefined);
  assert.equal(catalog.endpointOf('aiccs'), 'aiccs.aliyuncs.com');
  assert.equal(catalog.endpointOf('waihu'), undefined);
  assert.equal(catalog.versionOf('thirdswaicall'), '2025-11-27');
  assert.equal(productByVersion('2019-10-15')?.host, 'aiccs.aliyuncs.com');
  assert.equal(productByHost('dyvmsapi.aliyuncs.com.')?.name, 'dyvmsapi');
});

test('every generated action has methods, a matching version and unique names per product', () => {
  for (const product of ['dyvmsapi', 'aiccs', 'thirdswaicall'] as const) {
    const actions = catalog.listActions(product);
    assert.equal(new Set(actions.map((a) => a.action.toLowerCase())).size, actions.length, `${product}: no case-only duplicates`);
    for (const a of actions) {
      assert.ok(a.methods.length > 0 && a.methods.every((m) => m === m.toUpperCase()), `${a.action} methods`);
      assert.equal(a.version, catalog.versionOf(product));
    }
  }
});
