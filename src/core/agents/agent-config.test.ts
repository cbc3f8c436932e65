import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { assignConfigIds } from './agent-config-ids.js';
import { parseCallConfig, parseModelConfig, type AiVoiceAgentModelConfig } from './agent-config.js';

/** Asserts that parsing fails as InvalidArgument about ModelConfig with a message matching `message`. */
function refused(input: unknown, message: RegExp): void {
  assert.throws(() => parseModelConfig(input), (e: unknown) => {
    assert.ok(e instanceof DomainError);
    assert.equal(e.code, 'InvalidArgument');
    assert.equal(e.param, 'ModelConfig');
    assert.match(e.message, message);
    return true;
  });
}

/** Ids from a counter, so a test can tell which were issued. */
function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

test('a full aiccs model configuration is accepted as it is written', () => {
  const config = {
    TaskType: 'ADVANCED', BusinessType: 1, SysRole: '课程销售', UserRole: '家长', FlowDesc: '三步', Prologue: '您好', StartWordType: 1,
    MainPurpose: { MainPurposeName: '评级', MainPurposeType: 'ENUM', MainPurposeEnum: [{ Value: 'A', Description: '强' }] },
    ChildTaskList: [{ ChildTaskName: '开场', ChildTaskDescription: '问好' }],
    PhoneTagConfig: [{ PhoneTagKey: 'car_series', PhoneTagName: '车系', PhoneTagType: 'TEXT', PhoneTagRequired: true }],
    OutputTagConfig: [{ OutputTagName: '意向', OutputTagType: 'ENUM', OutputTagEnum: [{ Value: '高' }, { Value: '低' }] }],
    KnowledgeEnable: false, KnowledgeDocIdList: [], CustomExceptionEnable: false, CustomExceptionVoiceStyle: 2,
    CustomExceptionList: [{ ExceptionType: '-', Reply: '-', SupportBreak: false, ExceptionSign: true }],
  };
  assert.deepEqual(parseModelConfig(config), config);
  assert.deepEqual(parseModelConfig({}), {});
});

test('every bad field is named with its path, unknown fields included', () => {
  refused({ TaskType: 'EXPERT' }, /^TaskType: Invalid option/);
  refused({ OutputTagConfig: [{ OutputTagName: 'x', OutputTagType: 'ENUM', OutputTagEnum: [{ Value: '' }] }] }, /OutputTagConfig\[0\]\.OutputTagEnum\[0\]\.Value: must not be empty/);
  refused({ ChildTaskList: [{ ChildTaskName: 'a', ChildTaskDescription: 'b', Extra: 1 }] }, /ChildTaskList\[0\]: Unrecognized key: "Extra"/);
  refused({ Prolog: 'typo' }, /^Unrecognized key: "Prolog"/);
  refused({ BusinessType: 9 }, /BusinessType: must be one of 1/);
  refused({ PhoneTagConfig: [{ PhoneTagKey: '1bad key', PhoneTagName: 'n', PhoneTagType: 'TEXT' }] }, /PhoneTagConfig\[0\]\.PhoneTagKey: must be a letter/);
  refused({ StartWordType: 3, SysRole: 7 }, /SysRole: .*expected string/);
  refused({ StartWordType: 3, SysRole: 7 }, /StartWordType: must be 1 \(the agent opens with the Prologue\) or 2/);
  refused('text', /expected object/);
});

test('names, keys, values and ids must be unique within their list; ENUM tags need values and TEXT tags take none', () => {
  const tag = (name: string, type = 'TEXT', values?: unknown[]) => ({ OutputTagName: name, OutputTagType: type, ...(values ? { OutputTagEnum: values } : {}) });
  refused({ OutputTagConfig: [tag('a'), tag('a')] }, /OutputTagConfig\[1\]: OutputTagName "a" appears twice/);
  refused({ OutputTagConfig: [tag('a', 'ENUM', [{ Value: 'x' }, { Value: 'x' }])] }, /OutputTagConfig\[0\]\.OutputTagEnum\[1\]: Value "x" appears twice/);
  refused({ OutputTagConfig: [tag('a', 'ENUM')] }, /OutputTagConfig\[0\]\.OutputTagEnum: an ENUM tag needs at least one value/);
  refused({ OutputTagConfig: [tag('a', 'TEXT', [{ Value: 'x' }])] }, /a TEXT tag takes no values/);
  refused({ MainPurpose: { MainPurposeName: 'm', MainPurposeEnum: [{ Value: 'A', Id: 'same' }, { Value: 'B', Id: 'same' }] } }, /MainPurposeEnum\[1\]: Id "same" appears twice/);
  refused({ ChildTaskList: [{ ChildTaskName: 's', ChildTaskDescription: '' }, { ChildTaskName: 's', ChildTaskDescription: '' }] }, /ChildTaskName "s" appears twice/);
});

test('the call configuration keeps the documented ranges', () => {
  assert.deepEqual(parseCallConfig({ TtsConfig: { TtsSpeed: -200, TtsVolume: 100 }, EventConfig: { SessionTimeout: 600, MuteDuration: 15 } }), {
    TtsConfig: { TtsSpeed: -200, TtsVolume: 100 }, EventConfig: { SessionTimeout: 600, MuteDuration: 15 },
  });
  assert.throws(() => parseCallConfig({ TtsConfig: { TtsSpeed: 201 }, EventConfig: { SessionTimeout: 599, MuteHangupNum: 6 } }), (e: unknown) =>
    e instanceof DomainError && e.param === 'CallConfig' && ['TtsConfig.TtsSpeed: ', 'EventConfig.SessionTimeout: ', 'EventConfig.MuteHangupNum: '].every((w) => e.message.includes(w)));
});

test('ids are issued for every part that lacks one, and given ids are kept', () => {
  const config = parseModelConfig({
    MainPurpose: { MainPurposeName: 'm', MainPurposeEnum: [{ Value: 'A', Id: 'given' }, { Value: 'B' }] },
    ChildTaskList: [{ ChildTaskName: 's', ChildTaskDescription: 'd' }],
    PhoneTagConfig: [{ PhoneTagKey: 'k', PhoneTagName: 'n', PhoneTagType: 'ENUM', PhoneTagEnum: [{ Value: 'v' }] }],
    OutputTagConfig: [{ OutputTagName: 't', OutputTagType: 'TEXT' }],
  });
  const withIds = assignConfigIds(config, undefined, counter());
  assert.equal(withIds.MainPurpose?.Id, 'id-1');
  assert.equal(withIds.MainPurpose?.MainPurposeType, 'ENUM');
  assert.deepEqual(withIds.MainPurpose?.MainPurposeEnum.map((v) => v.Id), ['given', 'id-2']);
  assert.deepEqual(withIds.ChildTaskList?.map((t) => t.Id), ['id-3']);
  assert.deepEqual(withIds.PhoneTagConfig?.map((t) => [t.Id, t.PhoneTagEnum?.map((v) => v.Id)]), [['id-5', ['id-4']]]);
  assert.deepEqual(withIds.OutputTagConfig?.map((t) => t.Id), ['id-6']);
  assert.ok(!('OutputTagEnum' in withIds.OutputTagConfig![0]!), 'a TEXT tag gains no empty value list');
});

test("an edited configuration keeps the ids of parts with the same name or value, so reports' references survive", () => {
  const before: AiVoiceAgentModelConfig = assignConfigIds(parseModelConfig({
    OutputTagConfig: [{ OutputTagName: '意向', OutputTagType: 'ENUM', OutputTagEnum: [{ Value: '高' }, { Value: '低' }] }],
    ChildTaskList: [{ ChildTaskName: '开场', ChildTaskDescription: 'old' }],
  }), undefined, counter('old'));
  const edited = assignConfigIds(parseModelConfig({
    OutputTagConfig: [{ OutputTagName: '意向', OutputTagType: 'ENUM', OutputTagDescription: 'new', OutputTagEnum: [{ Value: '低' }, { Value: '中' }] }, { OutputTagName: '新', OutputTagType: 'TEXT' }],
    ChildTaskList: [{ ChildTaskName: '开场', ChildTaskDescription: 'new' }],
  }), before, counter('new'));
  const [kept, added] = edited.OutputTagConfig!;
  assert.equal(kept!.Id, before.OutputTagConfig![0]!.Id);
  assert.deepEqual(kept!.OutputTagEnum!.map((v) => v.Id), [before.OutputTagConfig![0]!.OutputTagEnum![1]!.Id, 'new-1']);
  assert.equal(added!.Id, 'new-2');
  assert.equal(edited.ChildTaskList![0]!.Id, before.ChildTaskList![0]!.Id);
});
