/**
 * The dialog half of the store contract: an answered call's dialog is written with its outcome (campaign attempt) or
 * its end (single call), read back by call id within the account only, and its tags replaced whole.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CallAnalysis, DialogTurn } from '../../src/core/calls/dialog.js';
import type { Store } from '../../src/ports/store.js';
import { ACC_A, ACC_B, T0, claimRequest, createTask, createTenants, idSource, importBatch } from './campaign-fixtures.js';
import { useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

type IdSource = ReturnType<typeof idSource>;

const TURNS: DialogTurn[] = [
  { role: 'assistant', content: '您好，我是小云', at: 0, cut: true },
  { role: 'user', content: '不需要', at: 900, interrupted: true },
];
const ANALYSIS: CallAnalysis = { summary: '客户拒绝', majorIntent: 'C', tags: [{ name: '意向', value: '低', id: 't1' }], turnCount: 1, analyzedBy: 'rules' };

/** Claims, originates and completes one attempt of a fresh task, with `dialog` when given; returns its call id. */
async function completedCall(store: Store, ids: IdSource, withDialog: boolean): Promise<{ callId: string; taskId: string; detailId: string; attemptId: string }> {
  const task = await createTask(store, ids, ACC_A, `dialogs ${withDialog} ${ids.next()}`);
  await importBatch(store, ids, task, 1, { at: T0 });
  const [claim] = await store.claimDueDetails(claimRequest(task.id, ids, { now: T0 + 1000 }));
  assert.ok(claim);
  const { attempt, detail } = claim;
  await store.markOriginated({ attemptId: attempt.id, at: T0 + 1000, callerNumber: '0571000', calleeKey: detail.number });
  const dialog = { callId: attempt.callId, accountId: ACC_A, taskId: task.id, detailId: detail.id, attemptId: attempt.id, turns: TURNS, analysis: ANALYSIS, createdAt: T0 + 9000 };
  const outcome = { callResult: 'ANSWERED' as const, majorIntent: 'C', conversationTurnCount: 1, answerAt: T0 + 2000, endedAt: T0 + 9000 };
  assert.equal(await store.completeAttempt({ attemptId: attempt.id, outcome, next: { state: 4 }, ...(withDialog ? { dialog } : {}) }), true);
  return { callId: attempt.callId, taskId: task.id, detailId: detail.id, attemptId: attempt.id };
}

/** Registers the dialog tests for one adapter. */
export function dialogContract(openFreshStore: FreshStoreFactory): void {
  describe('call dialogs', () => {
    const store = useMigratedStore(openFreshStore);
    const ids = idSource(31);
    before(() => createTenants(store()));

    test("a campaign call's dialog comes back whole with its outcome, for its own account only", async () => {
      const call = await completedCall(store(), ids, true);
      assert.deepEqual(await store().getCallDialog(ACC_A, call.callId), { ...call, accountId: ACC_A, turns: TURNS, analysis: ANALYSIS, createdAt: T0 + 9000 });
      assert.equal(await store().getCallDialog(ACC_B, call.callId), undefined);
      const plain = await completedCall(store(), ids, false);
      assert.equal(await store().getCallDialog(ACC_A, plain.callId), undefined, 'a call completed without a dialog has none');
    });

    test('replacing tags replaces them all, keeps the rest of the dialog, and is refused to another account', async () => {
      const { callId } = await completedCall(store(), ids, true);
      assert.equal(await store().replaceCallTags(ACC_B, callId, [{ name: '标签', value: 'x' }], T0), false);
      assert.equal(await store().replaceCallTags(ACC_A, callId, [{ name: '标签', value: '有意向' }, { name: '标签', value: '需跟进' }], T0 + 50), true);
      const dialog = await store().getCallDialog(ACC_A, callId);
      assert.deepEqual(dialog?.analysis.tags, [{ name: '标签', value: '有意向' }, { name: '标签', value: '需跟进' }]);
      assert.equal(dialog?.tagsUpdatedAt, T0 + 50);
      assert.deepEqual(dialog?.turns, TURNS);
      assert.equal(await store().replaceCallTags(ACC_A, 'no^call', [], T0), false);
    });

    test('a single call is recorded, ended with its dialog, and read back by its own account only', async () => {
      const call = { callId: '1^900', accountId: ACC_A, kind: 'LlmSmartCall', caller: '0571000', callee: '13800000015', params: { PromptParam: { a: '1' } }, createdAt: T0, flowRef: 'A1', outId: 'o-1' };
      await store().insertSingleCall(call);
      assert.deepEqual(await store().getSingleCall(ACC_A, '1^900'), call);
      assert.equal(await store().getSingleCall(ACC_B, '1^900'), undefined);
      assert.equal(await store().getCallDialog(ACC_A, '1^900'), undefined, 'no dialog while in progress');
      const ending = { callResult: 'ANSWERED' as const, statusCode: '200000', endedAt: T0 + 30_000, durationSeconds: 25, answerAt: T0 + 5000, hangupDirection: 'robot' as const };
      await store().endSingleCall(ACC_A, '1^900', ending, { callId: '1^900', accountId: ACC_A, turns: TURNS, analysis: ANALYSIS, createdAt: T0 + 30_000 });
      assert.deepEqual(await store().getSingleCall(ACC_A, '1^900'), { ...call, ...ending });
      assert.deepEqual(await store().getCallDialog(ACC_A, '1^900'), { callId: '1^900', accountId: ACC_A, turns: TURNS, analysis: ANALYSIS, createdAt: T0 + 30_000 });
      assert.equal(await store().replaceCallTags(ACC_A, '1^900', [], T0 + 31_000), true);
      assert.deepEqual((await store().getCallDialog(ACC_A, '1^900'))?.analysis.tags, []);
    });
  });
}
