import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TaskRecord } from './campaign-records.js';
import { assertTaskAllows, statusesAllowing, taskAllows, taskRefusal, type TaskAction } from './task-refusals.js';
import { TASK_STATUSES, TASK_UPDATABLE_STATUSES, nextTaskStatus, type TaskStatus } from './task-status.js';

function task(status: TaskStatus, startFailedReason: string | null = null): TaskRecord {
  return { id: '900000000000000001', status, startFailedReason } as TaskRecord;
}

test('the allowed statuses of each action are the state machine’s, never a second copy of it', () => {
  assert.deepEqual(statusesAllowing('StartAiCallTask'), TASK_STATUSES.filter((s) => nextTaskStatus(s, 'start')));
  assert.deepEqual(statusesAllowing('StopAiCallTask'), ['RUNNING']);
  assert.deepEqual(statusesAllowing('UpdateAiCallTask'), TASK_STATUSES.filter((s) => TASK_UPDATABLE_STATUSES.has(s)));
  assert.deepEqual(statusesAllowing('ImportTaskNumberDatas'), ['INIT', 'RUNNING', 'STOPPED', 'FAILED', 'COMPLETED']);
  assert.deepEqual(statusesAllowing('ImportOneTaskPhoneNumber'), statusesAllowing('ImportTaskNumberDatas'));
});

test('a refusal names the action, the task, its state, why, and where the action is allowed', () => {
  const cases: [TaskAction, TaskRecord, RegExp][] = [
    ['StartAiCallTask', task('RUNNING'), /^StartAiCallTask refused: task 900000000000000001 is RUNNING \(it is already running\); StartAiCallTask is allowed when the task is INIT, STOPPED or FAILED$/],
    ['StartAiCallTask', task('COMPLETED'), /is COMPLETED \(every number has been called; import more numbers to reopen it\)/],
    ['StartAiCallTask', task('CANCELLED'), /is CANCELLED \(a cancelled task never runs or changes again\)/],
    ['StopAiCallTask', task('INIT'), /is INIT \(it has not started yet\); StopAiCallTask is allowed when the task is RUNNING$/],
    ['StopAiCallTask', task('STOPPED'), /it is already stopped/],
    ['StopAiCallTask', task('FAILED', 'no caller number'), /is FAILED \(it failed to start \(no caller number\)\)/],
    ['StopAiCallTask', task('COMPLETED'), /it has already completed/],
    ['UpdateAiCallTask', task('RUNNING'), /is RUNNING \(stop it with StopAiCallTask first\); UpdateAiCallTask is allowed when the task is INIT, STOPPED, FAILED or COMPLETED$/],
    ['ImportTaskNumberDatas', task('CANCELLED'), /is CANCELLED \(a cancelled task takes no more numbers\)/],
  ];
  for (const [action, t, message] of cases) {
    assert.equal(taskAllows(action, t.status), false, `${action} in ${t.status}`);
    const err = taskRefusal(action, t);
    assert.equal(err.code, 'InvalidState');
    assert.equal(err.param, undefined, 'a state refusal is about the task, not a parameter');
    assert.match(err.message, message);
    assert.throws(() => assertTaskAllows(action, t), (e: unknown) => e instanceof Error && message.test(e.message));
  }
});

test('allowed actions pass silently', () => {
  assert.doesNotThrow(() => assertTaskAllows('StartAiCallTask', task('FAILED')));
  assert.doesNotThrow(() => assertTaskAllows('UpdateAiCallTask', task('COMPLETED')));
  assert.doesNotThrow(() => assertTaskAllows('ImportOneTaskPhoneNumber', task('COMPLETED')));
  assert.doesNotThrow(() => assertTaskAllows('StopAiCallTask', task('RUNNING')));
});
