import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextTaskStatus, TASK_STATUSES } from '../campaigns/task-status.js';
import {
  CALL_TASK_COMMANDS, CALL_TASK_STATUSES, callTaskRefusalReason, callTaskStatusOf, ENGINE_COMMAND_OF, engineStatusesOf, nextCallTaskStatus,
  nextCallTaskStatusOnEvent, statusesAllowingCommand, TERMINAL_CALL_TASK_STATUSES, type CallTaskCommand, type CallTaskEngineEvent, type CallTaskStatus,
} from './call-task-status.js';

// Every ExecuteCallTask command from every documented status: the status it leads to, or '-' when refused.
const EXPECTED: Record<CallTaskStatus, Record<CallTaskCommand, CallTaskStatus | '-'>> = {
  INIT: { RUNNING: 'RUNNING', TIMING: 'INIT', STOP: '-', CANCEL: 'CANCEL' },
  RELEASE: { RUNNING: '-', TIMING: '-', STOP: '-', CANCEL: '-' },
  RUNNING: { RUNNING: '-', TIMING: '-', STOP: 'STOP', CANCEL: 'CANCEL' },
  STOP: { RUNNING: 'RUNNING', TIMING: 'STOP', STOP: '-', CANCEL: 'CANCEL' },
  SYSTEM_STOP: { RUNNING: 'RUNNING', TIMING: 'SYSTEM_STOP', STOP: '-', CANCEL: 'CANCEL' },
  CANCEL: { RUNNING: '-', TIMING: '-', STOP: '-', CANCEL: '-' },
  SYSTEM_CANCEL: { RUNNING: '-', TIMING: '-', STOP: '-', CANCEL: '-' },
  DONE: { RUNNING: '-', TIMING: '-', STOP: '-', CANCEL: '-' },
};

const EVENTS: Record<CallTaskStatus, Record<CallTaskEngineEvent, CallTaskStatus | '-'>> = {
  INIT: { 'scheduled-start': 'RUNNING', 'start-failed': 'SYSTEM_STOP', complete: '-' },
  RELEASE: { 'scheduled-start': '-', 'start-failed': '-', complete: '-' },
  RUNNING: { 'scheduled-start': '-', 'start-failed': '-', complete: 'DONE' },
  STOP: { 'scheduled-start': 'RUNNING', 'start-failed': 'SYSTEM_STOP', complete: '-' },
  SYSTEM_STOP: { 'scheduled-start': 'RUNNING', 'start-failed': 'SYSTEM_STOP', complete: '-' },
  CANCEL: { 'scheduled-start': '-', 'start-failed': '-', complete: '-' },
  SYSTEM_CANCEL: { 'scheduled-start': '-', 'start-failed': '-', complete: '-' },
  DONE: { 'scheduled-start': '-', 'start-failed': '-', complete: '-' },
};

for (const status of CALL_TASK_STATUSES) {
  for (const command of CALL_TASK_COMMANDS) {
    const expected = EXPECTED[status][command];
    test(`ExecuteCallTask ${command} from ${status}: ${expected === '-' ? 'refused' : expected}`, () => {
      assert.equal(nextCallTaskStatus(status, command) ?? '-', expected);
      if (expected === '-') assert.ok(callTaskRefusalReason(status, command).length > 0);
    });
  }
  for (const event of ['scheduled-start', 'start-failed', 'complete'] as const) {
    const expected = EVENTS[status][event];
    test(`engine ${event} from ${status}: ${expected === '-' ? 'does not apply' : expected}`, () => {
      assert.equal(nextCallTaskStatusOnEvent(status, event) ?? '-', expected);
    });
  }
}

test('terminal statuses allow no command and no engine event', () => {
  for (const status of TERMINAL_CALL_TASK_STATUSES) {
    for (const command of CALL_TASK_COMMANDS) assert.equal(nextCallTaskStatus(status, command), undefined);
    for (const event of ['scheduled-start', 'start-failed', 'complete'] as const) assert.equal(nextCallTaskStatusOnEvent(status, event), undefined);
  }
});

test('each engine status is shown as one documented status, and the Status filter finds it again', () => {
  for (const engine of TASK_STATUSES) assert.ok(engineStatusesOf(callTaskStatusOf(engine)).includes(engine));
  assert.deepEqual(engineStatusesOf('SYSTEM_STOP'), ['FAILED']);
  assert.deepEqual(engineStatusesOf('DONE'), ['COMPLETED']);
  assert.deepEqual(engineStatusesOf('RELEASE'), [], 'parsing is synchronous: no task is ever RELEASE');
  assert.deepEqual(engineStatusesOf('SYSTEM_CANCEL'), [], 'waihu never cancels a task by itself');
});

test('RUNNING, STOP and CANCEL agree with the engine command that carries them out, from every engine status', () => {
  for (const engine of TASK_STATUSES) {
    for (const command of ['RUNNING', 'STOP', 'CANCEL'] as const) {
      const viaEngine = nextTaskStatus(engine, ENGINE_COMMAND_OF[command]);
      const shown = nextCallTaskStatus(callTaskStatusOf(engine), command);
      assert.equal(viaEngine === undefined ? undefined : callTaskStatusOf(viaEngine), shown, `${command} from ${engine}`);
    }
  }
});

test('the engine events agree with the engine state machine', () => {
  const engineEvent = { 'scheduled-start': 'start', 'start-failed': 'start-failed', complete: 'complete' } as const;
  // The engine schedules starts only from INIT, STOPPED and FAILED (listDueScheduledTasks).
  for (const engine of TASK_STATUSES) {
    for (const event of ['scheduled-start', 'start-failed', 'complete'] as const) {
      const schedulable = event !== 'scheduled-start' || ['INIT', 'STOPPED', 'FAILED'].includes(engine);
      const viaEngine = schedulable ? nextTaskStatus(engine, engineEvent[event]) : undefined;
      assert.equal(viaEngine === undefined ? undefined : callTaskStatusOf(viaEngine), nextCallTaskStatusOnEvent(callTaskStatusOf(engine), event), `${event} from ${engine}`);
    }
  }
});

test('the allowed statuses of each command are listed in documented order', () => {
  assert.deepEqual(statusesAllowingCommand('RUNNING'), ['INIT', 'STOP', 'SYSTEM_STOP']);
  assert.deepEqual(statusesAllowingCommand('STOP'), ['RUNNING']);
  assert.deepEqual(statusesAllowingCommand('CANCEL'), ['INIT', 'RUNNING', 'STOP', 'SYSTEM_STOP']);
  assert.match(callTaskRefusalReason('INIT', 'STOP'), /not started/);
  assert.match(callTaskRefusalReason('DONE', 'RUNNING'), /every callee/);
});
