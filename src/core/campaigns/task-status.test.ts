import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { assertTaskUpdatable, nextTaskStatus, TASK_STATUSES, TASK_STATUS_CODE, taskTransition, type TaskEvent, type TaskStatus } from './task-status.js';

const EVENTS: readonly TaskEvent[] = ['start', 'stop', 'cancel', 'start-failed', 'complete', 'import'];

// Every (status, event) pair, written out: '-' means refused.
const EXPECTED: Readonly<Record<TaskStatus, Readonly<Record<TaskEvent, TaskStatus | '-'>>>> = {
  INIT: { start: 'RUNNING', stop: '-', cancel: 'CANCELLED', 'start-failed': 'FAILED', complete: '-', import: 'INIT' },
  RUNNING: { start: '-', stop: 'STOPPED', cancel: 'CANCELLED', 'start-failed': '-', complete: 'COMPLETED', import: 'RUNNING' },
  STOPPED: { start: 'RUNNING', stop: '-', cancel: 'CANCELLED', 'start-failed': 'FAILED', complete: '-', import: 'STOPPED' },
  FAILED: { start: 'RUNNING', stop: '-', cancel: 'CANCELLED', 'start-failed': 'FAILED', complete: '-', import: 'FAILED' },
  COMPLETED: { start: '-', stop: '-', cancel: '-', 'start-failed': '-', complete: '-', import: 'RUNNING' },
  CANCELLED: { start: '-', stop: '-', cancel: '-', 'start-failed': '-', complete: '-', import: '-' },
};

test('the task transition table is exactly the documented reading', () => {
  for (const status of TASK_STATUSES) {
    for (const event of EVENTS) {
      const expected = EXPECTED[status][event];
      assert.equal(nextTaskStatus(status, event), expected === '-' ? undefined : expected, `${status} --${event}-->`);
      if (expected === '-') assert.throws(() => taskTransition(status, event), (e: unknown) => e instanceof DomainError && e.code === 'InvalidState');
      else assert.equal(taskTransition(status, event), expected);
    }
  }
});

test('refusals say what to do', () => {
  const message = (status: TaskStatus, event: TaskEvent): string => {
    try {
      taskTransition(status, event);
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };
  assert.equal(message('RUNNING', 'start'), 'the task is already running');
  assert.match(message('COMPLETED', 'start'), /completed; import more numbers to reopen it/);
  assert.match(message('CANCELLED', 'import'), /cancelled and cannot take new numbers/);
  assert.match(message('STOPPED', 'stop'), /only a running task can be stopped; the task is STOPPED/);
});

test('UpdateAiCallTask is allowed only while nothing runs and the task is not cancelled', () => {
  for (const status of ['INIT', 'STOPPED', 'FAILED', 'COMPLETED'] as const) assert.doesNotThrow(() => assertTaskUpdatable(status));
  assert.throws(() => assertTaskUpdatable('RUNNING'), /stop the task before updating it/);
  assert.throws(() => assertTaskUpdatable('CANCELLED'), /cancelled task cannot be updated/);
});

test('every status has a distinct integer code for QueryAiCallTaskPage', () => {
  const codes = TASK_STATUSES.map((s) => TASK_STATUS_CODE[s]);
  assert.equal(new Set(codes).size, TASK_STATUSES.length);
  assert.equal(TASK_STATUS_CODE.RUNNING, 1);
});
