import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActionCatalog, generatedActionSpecs } from '../catalog/catalog.js';
import type { ActionSpec, ParamSpec, ProductName } from '../catalog/types.js';
import { GatewayError } from '../errors.js';
import type { Pair } from '../request.js';
import { validateParams } from './validate.js';

const catalog = new ActionCatalog(generatedActionSpecs());

function spec(product: ProductName, action: string): ActionSpec {
  const found = catalog.findAction(product, action);
  assert.ok(found, `${product} ${action}`);
  return found;
}

function pairs(query: string): Pair[] {
  return [...new URLSearchParams(query)];
}

function fails(s: ActionSpec, query: string | Pair[], code: string, message: string): void {
  assert.throws(
    () => validateParams(s, typeof query === 'string' ? pairs(query) : query),
    (err: unknown) => {
      assert.ok(err instanceof GatewayError, String(err));
      assert.equal(err.code, code);
      assert.equal(err.status, 400);
      assert.ok(err.message.includes(message), `"${err.message}" should contain "${message}"`);
      return true;
    },
  );
}

/** The spec with only the named params, so one check is not masked by another param being missing. */
function only(s: ActionSpec, ...names: string[]): ActionSpec {
  return { ...s, params: s.params.filter((p) => names.includes(p.name)) };
}

function synthetic(...params: ParamSpec[]): ActionSpec {
  return { product: 'waihu', version: '2026-12-01', action: 'Test', source: 'code', methods: ['POST'], params };
}

const tts = spec('dyvmsapi', 'SingleCallByTts');
const base = 'CalledNumber=13900001234&TtsCode=TTS_1';

test('declared params are coerced to their types; undeclared ones (OwnerId, …) are ignored', () => {
  const out = validateParams(tts, pairs(`${base}&PlayTimes=2&Speed=-100&OwnerId=123&Foo=bar&TtsParam={"code":"1234"}`));
  assert.deepEqual(out, { CalledNumber: '13900001234', TtsCode: 'TTS_1', PlayTimes: 2, Speed: -100, TtsParam: '{"code":"1234"}' });
});

test('a missing or empty required param is Missing<Name>', () => {
  fails(tts, 'TtsCode=TTS_1', 'MissingCalledNumber', 'CalledNumber is mandatory for this action.');
  fails(tts, 'CalledNumber=&TtsCode=TTS_1', 'MissingCalledNumber', 'CalledNumber');
});

test('Integer: whole numbers inside the documented range and int32', () => {
  fails(tts, `${base}&PlayTimes=4`, 'InvalidParameter', 'parameter "PlayTimes" is not valid: must be an integer between 1 and 3');
  fails(tts, `${base}&PlayTimes=1.5`, 'InvalidParameter', 'must be an integer between 1 and 3');
  fails(tts, `${base}&PlayTimes=two`, 'InvalidParameter', '"PlayTimes"');
  const plain = synthetic({ name: 'N', type: 'Integer', required: false });
  fails(plain, 'N=2147483648', 'InvalidParameter', 'must be an integer between -2147483648 and 2147483647');
  assert.deepEqual(validateParams(plain, pairs('N=-2147483648')), { N: -2147483648 });
  fails(only(spec('dyvmsapi', 'CreateRobotTask'), 'RecallInterval'), 'RecallInterval=1', 'InvalidParameter', 'must be an integer between 2 and 2147483647');
});

test('String length is checked in UTF-8 bytes or in characters, as documented', () => {
  fails(tts, `${base}&OutId=${encodeURIComponent('一二三四五六七')}`, 'InvalidParameter', '"OutId" is not valid: is 21 bytes long; at most 15 allowed');
  assert.equal(validateParams(tts, pairs(`${base}&OutId=abcdefghijklmno`))['OutId'], 'abcdefghijklmno');
  const robot = spec('dyvmsapi', 'CreateRobotTask');
  const name = encodeURIComponent('任'.repeat(31));
  fails(robot, `TaskName=${name}`, 'InvalidParameter', 'is 31 characters long; at most 30 allowed');
});

test('an empty optional String stays "", an empty optional number is simply absent', () => {
  assert.deepEqual(validateParams(tts, pairs(`${base}&OutId=&PlayTimes=`)), { CalledNumber: '13900001234', TtsCode: 'TTS_1', OutId: '' });
});

test('enums are checked as strings', () => {
  fails(spec('dyvmsapi', 'CreateCallTask'), 'DataType=XML', 'InvalidParameter', '"DataType" is not valid: must be one of LIST, JSON');
  const route = spec('dyvmsapi', 'AddVirtualNumberRelation');
  assert.equal(validateParams(route, pairs('NumberList=1&PhoneNum=2&RouteType=1'))['RouteType'], 1);
  fails(route, 'NumberList=1&PhoneNum=2&RouteType=2', 'InvalidParameter', 'must be one of 0, 1');
});

test('Long stays a decimal string beyond 2^53 and is range-checked as int64', () => {
  const detail = spec('dyvmsapi', 'QueryRobotTaskDetail');
  assert.deepEqual(validateParams(detail, pairs('Id=9007199254740993')), { Id: '9007199254740993' });
  assert.deepEqual(validateParams(detail, pairs('Id=9223372036854775807')), { Id: '9223372036854775807' });
  fails(detail, 'Id=9223372036854775808', 'InvalidParameter', '"Id" is not valid: must be an integer between');
  fails(detail, 'Id=12a', 'InvalidParameter', '"Id"');
  const agents = spec('aiccs', 'GetAgentBasisStatus');
  const expected = ['1234567890123456789', '9007199254740993'];
  for (const form of ['AgentIds=[1234567890123456789,9007199254740993]', 'AgentIds=1234567890123456789,9007199254740993',
    'AgentIds.1=1234567890123456789&AgentIds.2=9007199254740993']) {
    assert.deepEqual(validateParams(agents, pairs(`InstanceId=i&${form}`))['AgentIds'], expected, form);
  }
});

test('Boolean accepts true/false in any case and 1/0', () => {
  const robot = only(spec('dyvmsapi', 'CreateRobotTask'), 'IsSelfLine');
  const read = (v: string): unknown => validateParams(robot, pairs(`IsSelfLine=${v}`))['IsSelfLine'];
  assert.deepEqual(['TRUE', 'false', '1', '0'].map(read), [true, false, true, false]);
  fails(robot, 'IsSelfLine=yes', 'InvalidParameter', '"IsSelfLine" is not valid: must be true or false');
});

test('Number parses decimals and rejects anything else', () => {
  const s = synthetic({ name: 'T', type: 'Number', required: false, min: 0, max: 2 });
  assert.deepEqual(validateParams(s, pairs('T=0.75')), { T: 0.75 });
  fails(s, 'T=0x1', 'InvalidParameter', 'must be a number between 0 and 2');
  fails(s, 'T=3', 'InvalidParameter', 'must be a number between 0 and 2');
});

test('an array of objects reads the same from X.N.Sub keys and from one JSON string', () => {
  const ivr = spec('dyvmsapi', 'IvrCall');
  const head = 'CalledShowNumber=1&CalledNumber=2&StartCode=S';
  const flat = validateParams(ivr, pairs(`${head}&MenuKeyMap.1.Key=1&MenuKeyMap.1.Code=TTS_1&MenuKeyMap.2.Key=2&MenuKeyMap.2.Code=v.wav&MenuKeyMap.2.TtsParams={"a":"b"}`));
  const json = validateParams(ivr, pairs(`${head}&MenuKeyMap=${encodeURIComponent('[{"Key":"1","Code":"TTS_1"},{"Key":2,"Code":"v.wav","TtsParams":"{\\"a\\":\\"b\\"}"}]')}`));
  assert.deepEqual(flat['MenuKeyMap'], [{ Key: '1', Code: 'TTS_1' }, { Key: '2', Code: 'v.wav', TtsParams: '{"a":"b"}' }]);
  assert.deepEqual(json, flat);
});

test('scalar arrays: flattened, JSON and a JSON-encoded thirdswaicall Tags agree', () => {
  const tags = spec('thirdswaicall', 'UpdateOutboundCallTags');
  const a = validateParams(tags, pairs(`CallId=c&Tags=${encodeURIComponent('["有意向","需跟进"]')}`));
  const b = validateParams(tags, [['CallId', 'c'], ['Tags.1', '有意向'], ['Tags.2', '需跟进']]);
  assert.deepEqual(a, { CallId: 'c', Tags: ['有意向', '需跟进'] });
  assert.deepEqual(b, a);
  fails(tags, 'CallId=c&Tags=[]', 'MissingTags', 'Tags is mandatory');
});

test('nested errors name the wire path', () => {
  const reg = spec('dyvmsapi', 'SubmitHotlineTransferRegister');
  const head = 'QualificationId=q&OperatorName=n&OperatorMail=m&OperatorMobile=1&OperatorMobileVerifyCode=2&OperatorIdentityCard=3&Agreement=true&HotlineNumber=400';
  const one = 'TransferPhoneNumberInfos.1.PhoneNumber=1&TransferPhoneNumberInfos.1.PhoneNumberOwnerName=A&TransferPhoneNumberInfos.1.IdentityCard=5';
  assert.equal((validateParams(reg, pairs(`${head}&${one}`))['TransferPhoneNumberInfos'] as unknown[]).length, 1);
  fails(reg, `${head}&${one}&TransferPhoneNumberInfos.2.PhoneNumber=2&TransferPhoneNumberInfos.2.PhoneNumberOwnerName=B`,
    'MissingTransferPhoneNumberInfos.2.IdentityCard', 'TransferPhoneNumberInfos.2.IdentityCard is mandatory');
  fails(reg, head, 'MissingTransferPhoneNumberInfos', 'TransferPhoneNumberInfos');
  const rule = only(spec('aiccs', 'CreateAiOutboundTask'), 'RecallRule');
  fails(rule, 'RecallRule={"Count":"x"}', 'InvalidParameter', '"RecallRule.Count" is not valid: must be an integer');
  fails(rule, 'RecallRule.Count=1.5', 'InvalidParameter', '"RecallRule.Count"');
});

test('malformed structures get clear reasons', () => {
  const task = only(spec('aiccs', 'CreateAiCallTask'), 'CallDay');
  fails(task, 'CallDay=[MONDAY', 'InvalidParameter', '"CallDay" is not valid: is not valid JSON');
  fails(task, 'CallDay=MONDAY', 'InvalidParameter', 'is not valid JSON');
  fails(task, 'CallDay={"a":1}', 'InvalidParameter', 'must be a JSON array');
  fails(task, 'CallDay.x=MONDAY', 'InvalidParameter', '"CallDay.x" is not valid: is not an element index');
  fails(task, 'CallDay=["MONDAY"]&CallDay.1=MONDAY', 'InvalidParameter', 'is given both as one value and as CallDay.… keys');
  fails(task, 'CallDay=["MONDAY",null]', 'InvalidParameter', '"CallDay.2" is not valid: must not be empty');
  fails(spec('dyvmsapi', 'SingleCallByTts'), `${base}&PlayTimes.1=2`, 'InvalidParameter', 'must be a single value, not a structure');
});

test('a JSON object where the doc wants a JSON string inside a JSON array is kept as JSON text', () => {
  const task = spec('aiccs', 'CreateAiCallTask');
  const out = validateParams(task, pairs(`TaskName=t&StartType=IMMEDIATE&CallDay=["MONDAY"]&CallTime=${encodeURIComponent('[{"startTime":"09:00:00","endTime":"10:00:00"}]')}`));
  assert.deepEqual(out['CallTime'], ['{"startTime":"09:00:00","endTime":"10:00:00"}']);
  assert.deepEqual(out['CallDay'], ['MONDAY']);
});

test('free-form maps come from X.k keys or a JSON object', () => {
  const s = only(spec('aiccs', 'LlmSmartCall'), 'PromptParam');
  assert.deepEqual(validateParams(s, pairs('PromptParam={"style":"温柔","n":3}')), { PromptParam: { style: '温柔', n: 3 } });
  assert.deepEqual(validateParams(s, pairs('PromptParam.style=x&PromptParam.1=y')), { PromptParam: { style: 'x', 1: 'y' } });
  fails(s, 'PromptParam=[1]', 'InvalidParameter', '"PromptParam" is not valid: must be a JSON object');
  fails(s, 'PromptParam={', 'InvalidParameter', 'is not valid JSON');
});

test('the same spec validates repeatedly with the same result (compiled once)', () => {
  const first = validateParams(tts, pairs(`${base}&PlayTimes=3`));
  assert.deepEqual(validateParams(tts, pairs(`${base}&PlayTimes=3`)), first);
  assert.deepEqual(validateParams(tts, [['CalledNumber', 'q'], ['TtsCode', 'T'], ['CalledNumber', 'body']])['CalledNumber'], 'body');
});
