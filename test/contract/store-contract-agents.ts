/**
 * The agent half of the Store contract: AI voice agents, LLM applications and robots read back exactly, names are
 * unique per account and kind, every read and write is scoped by account, and updates are compare-and-set.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { VoiceAgentRecord } from '../../src/core/agents/ai-voice-agent.js';
import type { LlmApplicationRecord } from '../../src/core/agents/llm-application.js';
import type { RobotRecord } from '../../src/core/agents/robot.js';
import { DomainError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports/store.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const A = 'agt-acc-a';
const B = 'agt-acc-b';

const MODEL = {
  TaskType: 'BASIC' as const,
  BasicTaskDescription: '介绍新品，邀请到店 100% 真实',
  OutputTagConfig: [{ Id: 'tag-1', OutputTagName: '意向', OutputTagType: 'ENUM' as const, OutputTagEnum: [{ Id: 'v-1', Value: '高' }] }],
};

/** An agent fixture: DRAFT unless `extra` says otherwise. */
function agent(id: string, accountId: string, name: string, createdAt = T0, extra: Partial<VoiceAgentRecord> = {}): VoiceAgentRecord {
  return {
    id, accountId, name, description: `about ${name}`, applicationCode: null, status: 'DRAFT',
    draft: { model: MODEL, call: { TtsConfig: { TtsSpeed: -20, TtsVolume: 80 } } }, online: null,
    onlineVersion: 0, lastOnlineAt: null, revision: 1, createdAt, updatedAt: createdAt, ...extra,
  };
}

/** An application fixture. */
function application(code: string, accountId: string, name: string, createdAt = T0): LlmApplicationRecord {
  return {
    code, accountId, name, description: '', prompt: '你是${role}', startWord: '${name}您好', ttsVoiceCode: 'longxiaochun',
    ttsSpeed: -200, ttsVolume: 100, revision: 1, createdAt, updatedAt: createdAt,
  };
}

/** A robot fixture. */
function robot(id: string, accountId: string, name: string, createdAt = T0): RobotRecord {
  return { id, accountId, name, script: '{"start":"hello"}', version: 1, createdAt, updatedAt: createdAt };
}

const alreadyExists = (param: string) => (e: unknown) => e instanceof DomainError && e.code === 'AlreadyExists' && e.param === param;

/** Registers the agent tests for one adapter. */
export function agentContract(openFreshStore: FreshStoreFactory): void {
  describe('agents', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      for (const id of [A, B]) await store().insertAccount(account(id));
    });
    voiceAgentTests(store);
    applicationTests(store);
    robotTests(store);
  });
}

function voiceAgentTests(store: () => Store): void {
  test('an agent reads back exactly, configs and times included, and only for its own account', async () => {
    const published = agent('1001', A, 'Sales', T0 + 1, {
      status: 'ONLINE', online: { model: MODEL, call: {} }, onlineVersion: 3, lastOnlineAt: T0 + 7, applicationCode: 'AAPP', revision: 9,
    });
    await store().insertVoiceAgent(published);
    const got = await store().getVoiceAgent(A, '1001');
    assert.deepEqual(got, published);
    assert.equal(typeof got?.lastOnlineAt, 'number');
    assert.equal(await store().getVoiceAgent(B, '1001'), undefined, "another account's id reads as absent");
    assert.equal(await store().deleteVoiceAgent(B, '1001'), false);
    assert.equal(await store().replaceVoiceAgent({ ...published, accountId: B, name: 'hijack', revision: 10 }, 9), false);
    assert.equal((await store().getVoiceAgent(A, '1001'))?.name, 'Sales');
  });

  test('agent names are unique per account; another account may reuse one', async () => {
    await store().insertVoiceAgent(agent('1002', A, 'Unique'));
    await assert.rejects(store().insertVoiceAgent(agent('1003', A, 'Unique')), alreadyExists('Name'));
    await store().insertVoiceAgent(agent('1004', B, 'Unique'));
    await store().insertVoiceAgent(agent('1005', A, 'Other'));
    await assert.rejects(store().replaceVoiceAgent({ ...agent('1005', A, 'Unique'), revision: 2 }, 1), alreadyExists('Name'));
    assert.equal((await store().getVoiceAgent(A, '1005'))?.name, 'Other');
  });

  test('replace is compare-and-set on the revision', async () => {
    const first = agent('1006', A, 'Cas');
    await store().insertVoiceAgent(first);
    const next = { ...first, name: 'Cas 2', revision: 2, updatedAt: T0 + 60_000 };
    assert.equal(await store().replaceVoiceAgent(next, 1), true);
    assert.equal(await store().replaceVoiceAgent({ ...first, name: 'stale', revision: 2 }, 1), false, 'a writer that read revision 1 loses');
    assert.deepEqual(await store().getVoiceAgent(A, '1006'), next);
    assert.equal(await store().replaceVoiceAgent({ ...next, revision: 3 }, 2), true);
  });

  test('the listing filters by id, name fragment (case-insensitive, wildcards literal) and status, newest first', async () => {
    const C = 'agt-acc-c';
    await store().insertAccount(account(C));
    await store().insertVoiceAgent(agent('2001', C, 'Loan Bot', T0 + 1));
    await store().insertVoiceAgent(agent('2002', C, 'loan_50%', T0 + 2, { status: 'ONLINE' }));
    await store().insertVoiceAgent(agent('2003', C, 'Survey', T0 + 3, { status: 'OFFLINE' }));
    const ids = async (filter: Parameters<Store['pageVoiceAgents']>[1], pageNo = 1, pageSize = 10) => {
      const page = await store().pageVoiceAgents(C, filter, { pageNo, pageSize });
      return { total: page.total, ids: page.items.map((a) => a.id) };
    };
    assert.deepEqual(await ids({}), { total: 3, ids: ['2003', '2002', '2001'] });
    assert.deepEqual(await ids({}, 2, 2), { total: 3, ids: ['2001'] });
    assert.deepEqual(await ids({ name: 'LOAN' }), { total: 2, ids: ['2002', '2001'] });
    assert.deepEqual(await ids({ name: '_50%' }), { total: 1, ids: ['2002'] });
    assert.deepEqual(await ids({ name: '%' }), { total: 1, ids: ['2002'] });
    assert.deepEqual(await ids({ status: 'OFFLINE' }), { total: 1, ids: ['2003'] });
    assert.deepEqual(await ids({ agentId: '2001', status: 'DRAFT' }), { total: 1, ids: ['2001'] });
    assert.deepEqual(await ids({ agentId: '1001' }), { total: 0, ids: [] }, "another account's agent is not listed");
    assert.deepEqual(await store().voiceAgentIdsByName(C, 'loan', 10), ['2001', '2002']);
    assert.deepEqual(await store().voiceAgentIdsByName(C, 'loan', 1), ['2001']);
    assert.deepEqual([...(await store().voiceAgentNames(C, ['2001', '2003', '1001', 'nope']))], [['2001', 'Loan Bot'], ['2003', 'Survey']]);
    assert.deepEqual(await store().voiceAgentNames(C, []), new Map());
  });

  test('agents linking an application are counted per account, and deleting removes an agent once', async () => {
    await store().insertVoiceAgent(agent('3001', B, 'Linked 1', T0, { applicationCode: 'ALINK' }));
    await store().insertVoiceAgent(agent('3002', B, 'Linked 2', T0, { applicationCode: 'ALINK' }));
    assert.equal(await store().countVoiceAgentsUsingApplication(B, 'ALINK'), 2);
    assert.equal(await store().countVoiceAgentsUsingApplication(A, 'ALINK'), 0);
    assert.equal(await store().deleteVoiceAgent(B, '3001'), true);
    assert.equal(await store().deleteVoiceAgent(B, '3001'), false);
    assert.equal(await store().countVoiceAgentsUsingApplication(B, 'ALINK'), 1);
  });

  test('an agent needs an existing account', async () => {
    await assert.rejects(store().insertVoiceAgent(agent('3999', 'agt-nobody', 'Orphan')));
  });
}

function applicationTests(store: () => Store): void {
  test('an application reads back exactly; codes are per account and names unique per account', async () => {
    const app = application('ACODE00001', A, 'Insurance');
    await store().insertLlmApplication(app);
    assert.deepEqual(await store().getLlmApplication(A, 'ACODE00001'), app);
    assert.equal(await store().getLlmApplication(B, 'ACODE00001'), undefined);
    await assert.rejects(store().insertLlmApplication(application('ACODE00002', A, 'Insurance')), alreadyExists('Name'));
    await assert.rejects(store().insertLlmApplication(application('ACODE00001', A, 'Another')), alreadyExists('ApplicationCode'));
    await store().insertLlmApplication(application('ACODE00001', B, 'Insurance'));
    assert.equal((await store().getLlmApplication(B, 'ACODE00001'))?.accountId, B);
  });

  test('application replace is compare-and-set and scoped; delete is scoped', async () => {
    const app = application('ACODE00003', A, 'Edit me');
    await store().insertLlmApplication(app);
    const next = { ...app, prompt: 'new', revision: 2, updatedAt: T0 + 5 };
    assert.equal(await store().replaceLlmApplication({ ...next, accountId: B }, 1), false);
    assert.equal(await store().replaceLlmApplication(next, 1), true);
    assert.equal(await store().replaceLlmApplication({ ...app, revision: 2 }, 1), false);
    assert.deepEqual(await store().getLlmApplication(A, 'ACODE00003'), next);
    await assert.rejects(store().replaceLlmApplication({ ...next, name: 'Insurance', revision: 3 }, 2), alreadyExists('Name'));
    assert.equal(await store().deleteLlmApplication(B, 'ACODE00003'), false);
    assert.equal(await store().deleteLlmApplication(A, 'ACODE00003'), true);
    assert.equal(await store().getLlmApplication(A, 'ACODE00003'), undefined);
  });

  test('the application listing filters by name, newest first, within the account', async () => {
    const D = 'agt-acc-d';
    await store().insertAccount(account(D));
    for (const [i, name] of ['Alpha', 'alphabet', 'Beta'].entries()) await store().insertLlmApplication(application(`AD${i}`, D, name, T0 + i));
    const page = await store().pageLlmApplications(D, { name: 'ALPHA' }, { pageNo: 1, pageSize: 10 });
    assert.deepEqual({ total: page.total, codes: page.items.map((a) => a.code) }, { total: 2, codes: ['AD1', 'AD0'] });
    const all = await store().pageLlmApplications(D, {}, { pageNo: 2, pageSize: 2 });
    assert.deepEqual({ total: all.total, codes: all.items.map((a) => a.code) }, { total: 3, codes: ['AD0'] });
  });
}

function robotTests(store: () => Store): void {
  test('a robot reads back exactly; names unique per account; replace is compare-and-set on the version', async () => {
    const r = robot('5001', A, 'IVR');
    await store().insertRobot(r);
    assert.deepEqual(await store().getRobot(A, '5001'), r);
    assert.equal(await store().getRobot(B, '5001'), undefined);
    await assert.rejects(store().insertRobot(robot('5002', A, 'IVR')), alreadyExists('Name'));
    await store().insertRobot(robot('5003', B, 'IVR'));
    const v2 = { ...r, script: '{"start":"hi"}', version: 2, updatedAt: T0 + 9 };
    assert.equal(await store().replaceRobot(v2, 1), true);
    assert.equal(await store().replaceRobot({ ...r, version: 2, name: 'stale' }, 1), false);
    assert.equal(await store().replaceRobot({ ...v2, accountId: B, version: 3 }, 2), false);
    assert.deepEqual(await store().getRobot(A, '5001'), v2);
    await store().insertRobot(robot('5004', A, 'Other'));
    await assert.rejects(store().replaceRobot({ ...robot('5004', A, 'IVR'), version: 2 }, 1), alreadyExists('Name'));
  });

  test('the robot listing filters by name, newest first; delete is scoped and happens once', async () => {
    const E = 'agt-acc-e';
    await store().insertAccount(account(E));
    for (const [i, name] of ['Menu', 'menu 2', 'Survey'].entries()) await store().insertRobot(robot(`60${i}`, E, name, T0 + i));
    const page = await store().pageRobots(E, { name: 'MENU' }, { pageNo: 1, pageSize: 1 });
    assert.deepEqual({ total: page.total, ids: page.items.map((r) => r.id) }, { total: 2, ids: ['601'] });
    assert.equal(await store().deleteRobot(A, '600'), false);
    assert.equal(await store().deleteRobot(E, '600'), true);
    assert.equal(await store().deleteRobot(E, '600'), false);
    assert.equal((await store().pageRobots(E, {}, { pageNo: 1, pageSize: 10 })).total, 2);
  });
}
