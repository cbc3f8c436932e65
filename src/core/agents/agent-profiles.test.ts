import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { agentProfileOf, applicationProfileOf } from './agent-profiles.js';
import { editedVoiceAgent, hasPendingChanges, newVoiceAgent, offlineVoiceAgent, publishedVoiceAgent, type VoiceAgentRecord } from './ai-voice-agent.js';
import { newLlmApplication } from './llm-application.js';

const T0 = 1_790_000_000_000;

/** Ids from a counter. */
function counter() {
  let n = 0;
  return () => `u-${++n}`;
}

/** A draft agent with the given model configuration. */
function draft(modelConfig: unknown, callConfig?: unknown): VoiceAgentRecord {
  return newVoiceAgent({ id: '900', accountId: 'acc', at: T0, newId: counter() }, { name: '小云', modelConfig, callConfig });
}

const state = (code: string, message: RegExp) => (e: unknown) => e instanceof DomainError && e.code === code && message.test(e.message);

test('an incomplete draft cannot be published, and the refusal says what is missing', () => {
  assert.throws(() => publishedVoiceAgent(draft({}), T0), state('InvalidState', /BasicTaskDescription is required for a BASIC task/));
  assert.throws(() => publishedVoiceAgent(draft({ TaskType: 'ADVANCED', SysRole: 'x' }), T0), state('InvalidState', /FlowDesc is required for an ADVANCED task/));
  assert.throws(() => publishedVoiceAgent(draft({ BasicTaskDescription: 't', StartWordType: 1 }), T0), state('InvalidState', /Prologue is required when StartWordType is 1/));
});

test('publish puts the draft online as the next version; later edits stay in the draft until the next publish', () => {
  const agent = draft({ BasicTaskDescription: '邀请客户参加活动', Prologue: '您好' });
  assert.equal(hasPendingChanges(agent), true);
  const v1 = publishedVoiceAgent(agent, T0 + 1000);
  assert.deepEqual([v1.status, v1.onlineVersion, v1.lastOnlineAt, v1.revision, hasPendingChanges(v1)], ['ONLINE', 1, T0 + 1000, 2, false]);
  const edited = editedVoiceAgent(v1, { modelConfig: { BasicTaskDescription: '新任务', Prologue: '您好' } }, T0 + 2000, counter());
  assert.equal(edited.status, 'ONLINE');
  assert.equal(hasPendingChanges(edited), true);
  assert.match(agentProfileOf(edited).prompt, /邀请客户参加活动/, 'calls keep the published version');
  const v2 = publishedVoiceAgent(edited, T0 + 3000);
  assert.equal(v2.onlineVersion, 2);
  assert.match(agentProfileOf(v2).prompt, /新任务/);
});

test('only an online agent can be taken offline, and an offline or unpublished agent has no profile', () => {
  const agent = draft({ BasicTaskDescription: 't' });
  assert.throws(() => offlineVoiceAgent(agent, T0), state('InvalidState', /only an ONLINE agent/));
  assert.throws(() => agentProfileOf(agent), state('InvalidState', /is DRAFT; publish it/));
  const off = offlineVoiceAgent(publishedVoiceAgent(agent, T0), T0 + 1);
  assert.equal(off.status, 'OFFLINE');
  assert.throws(() => agentProfileOf(off), state('InvalidState', /is OFFLINE/));
  assert.equal(publishedVoiceAgent(off, T0 + 2).status, 'ONLINE', 'publishing again brings it back');
});

test("an agent's profile: prompt from roles, flow, steps and call variables; tags, purpose and opening line", () => {
  const agent = publishedVoiceAgent(draft({
    TaskType: 'ADVANCED', SysRole: '课程顾问', UserRole: '家长', FlowDesc: '先问好，再邀约', BasicTaskDescription: 'ignored for ADVANCED',
    Prologue: '${name}您好', ChildTaskList: [{ ChildTaskName: '开场', ChildTaskDescription: '问好' }, { ChildTaskName: '邀约', ChildTaskDescription: '约时间' }],
    PhoneTagConfig: [{ PhoneTagKey: 'name', PhoneTagName: '姓名', PhoneTagType: 'TEXT', PhoneTagDescription: '家长称呼' }],
    OutputTagConfig: [{ OutputTagName: '意向', OutputTagType: 'ENUM', OutputTagDescription: '客户意向', OutputTagEnum: [{ Value: '高' }] }],
    MainPurpose: { MainPurposeName: '评级', MainPurposeEnum: [{ Value: 'A', Description: '好' }] },
  }), T0);
  const profile = agentProfileOf(agent);
  assert.equal(profile.prompt, [
    '## 你的角色\n课程顾问', '## 通话对象\n家长', '## 流程\n先问好，再邀约', '## 步骤\n1. 开场: 问好\n2. 邀约: 约时间', '## 通话信息\n- 姓名（家长称呼）: ${name}',
  ].join('\n\n'));
  assert.equal(profile.startWord, '${name}您好');
  assert.deepEqual(profile.childTasks, [{ name: '开场', description: '问好' }, { name: '邀约', description: '约时间' }]);
  assert.deepEqual(profile.outputTags, [{ name: '意向', type: 'ENUM', description: '客户意向', id: 'u-7', values: [{ value: '高', id: 'u-6' }] }]);
  assert.deepEqual(profile.mainPurpose, { name: '评级', values: [{ value: 'A', description: '好', id: 'u-2' }] });
  assert.deepEqual([profile.ref, profile.name], ['900', '小云']);
});

test('StartWordType 2 makes the agent wait for the callee even with a Prologue', () => {
  const agent = publishedVoiceAgent(draft({ BasicTaskDescription: 't', Prologue: '您好', StartWordType: 2 }), T0);
  assert.equal(agentProfileOf(agent).startWord, '');
});

test("the agent's own voice settings win; its application's fill the gaps", () => {
  const app = newLlmApplication({ code: 'AAPP', accountId: 'acc', at: T0 }, { Name: 'a', Prompt: 'p', StartWord: 's', TtsVoiceCode: 'xiaoyun', TtsSpeed: 50, TtsVolume: 30 });
  const agent = publishedVoiceAgent(draft({ BasicTaskDescription: 't' }, { TtsConfig: { TtsSpeed: -100 } }), T0);
  const profile = agentProfileOf(agent, app);
  assert.deepEqual([profile.voice, profile.speed, profile.volume], ['xiaoyun', -100, 30]);
  const alone = agentProfileOf(agent);
  assert.deepEqual([alone.voice, alone.speed, alone.volume], [undefined, -100, undefined]);
});

test("an application's profile is its prompt and opening line, placeholders kept for the call", () => {
  const app = newLlmApplication({ code: 'AXYZ', accountId: 'acc', at: T0 }, { Name: '保险', Prompt: '语气${style}', StartWord: '${name}您好' });
  assert.deepEqual(applicationProfileOf(app), { ref: 'AXYZ', name: '保险', prompt: '语气${style}', startWord: '${name}您好', childTasks: [], outputTags: [], speed: 0, volume: 50 });
});

test("the agent's call events become the flow's silence and session settings; MuteActive false turns silence handling off", () => {
  const events = { MuteDuration: 5, MuteHangupNum: 3, SessionTimeout: 900 };
  const on = agentProfileOf(publishedVoiceAgent(draft({ BasicTaskDescription: 't' }, { EventConfig: events }), T0));
  assert.deepEqual([on.muteTimeMs, on.muteHangupCount, on.sessionTimeoutMs], [5000, 3, 900_000]);
  const off = agentProfileOf(publishedVoiceAgent(draft({ BasicTaskDescription: 't' }, { EventConfig: { ...events, MuteActive: false } }), T0));
  assert.deepEqual([off.muteTimeMs, off.muteHangupCount, off.sessionTimeoutMs], [undefined, undefined, 900_000]);
});
