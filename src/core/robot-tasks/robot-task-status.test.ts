// Every (status, event) pair of the robot-task state machine, allowed or refused, against a matrix written out by
// hand from the doc's rules; plus the mapping onto the engine's task statuses in both directions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../errors.js';
import { TASK_STATUSES } from '../campaigns/task-status.js';
import {
  ROBOT_TASK_STATUSES, engineConditionsOf, nextRobotTaskStatus, robotTaskStatusOf, robotTaskTransition,
  type RobotTaskEvent, type RobotTaskStatus, type RobotTaskTarget,
} from './robot-task-status.js';

const S = ROBOT_TASK_STATUSES;
// Columns in ROBOT_TASK_STATUSES order: INIT READY DISPATCH EXCUTING MANUAL_STOP SYSTEM_STOP ARREARS_STOP CANCEL SYSTEM_CANCEL FINISH.
// '-' is a refusal.
const MATRIX: Record<RobotTaskEvent, readonly (RobotTaskTarget | '-')[]> = {
  start: ['EXCUTING', 'EXCUTING', '-', '-', 'EXCUTING', 'EXCUTING', 'EXCUTING', '-', '-', '-'],
  schedule: ['READY', 'READY', '-', '-', '-', '-', '-', '-', '-', '-'],
  'cancel-order': ['-', 'INIT', '-', '-', '-', '-', '-', '-', '-', '-'],
  stop: ['-', '-', 'MANUAL_STOP', 'MANUAL_STOP', '-', '-', '-', '-', '-', '-'],
  cancel: ['-', '-', 'CANCEL', 'CANCEL', 'CANCEL', 'CANCEL', 'CANCEL', '-', '-', '-'],
  delete: ['DELETED', '-', '-', '-', '-', '-', '-', 'DELETED', 'DELETED', 'DELETED'],
  upload: ['INIT', 'READY', 'DISPATCH', 'EXCUTING', 'MANUAL_STOP', 'SYSTEM_STOP', 'ARREARS_STOP', '-', '-', 'EXCUTING'],
  dispatch: ['-', 'EXCUTING', '-', '-', '-', '-', '-', '-', '-', '-'],
  finish: ['-', '-', '-', 'FINISH', '-', '-', '-', '-', '-', '-'],
  'start-failed': ['SYSTEM_STOP', 'SYSTEM_STOP', '-', '-', 'SYSTEM_STOP', 'SYSTEM_STOP', '-', '-', '-', '-'],
};

for (const [event, row] of Object.entries(MATRIX) as [RobotTaskEvent, (RobotTaskTarget | '-')[]][]) {
  S.forEach((status, i) => {
    const expected = row[i];
    test(`${event} from ${status}: ${expected === '-' ? 'refused' : `→ ${expected}`}`, () => {
      if (expected === '-') {
        assert.equal(nextRobotTaskStatus(status, event), undefined);
        assert.throws(() => robotTaskTransition('77', status, event), (err: unknown) => {
          assert.ok(err instanceof DomainError);
          assert.equal(err.code, 'InvalidState');
          assert.match(err.message, new RegExp(`task 77 is ${status} \\(`));
          assert.match(err.message, /is allowed when the task is /);
          return true;
        });
      } else {
        assert.equal(robotTaskTransition('77', status, event), expected);
      }
    });
  });
}

test('the matrix covers every status and no event leads to an unknown status', () => {
  for (const row of Object.values(MATRIX)) {
    assert.equal(row.length, S.length);
    for (const target of row) assert.ok(target === '-' || target === 'DELETED' || (S as readonly string[]).includes(target));
  }
});

test('every engine status reads as one doc status, INIT split by its scheduled start', () => {
  const read = (status: (typeof TASK_STATUSES)[number], scheduledStartAt: number | null) => robotTaskStatusOf({ status, scheduledStartAt });
  assert.deepEqual(TASK_STATUSES.map((s) => read(s, null)), ['INIT', 'EXCUTING', 'MANUAL_STOP', 'SYSTEM_STOP', 'FINISH', 'CANCEL']);
  assert.equal(read('INIT', 1_700_000_000_000), 'READY');
});

test('engine conditions of a status read back as that status; the statuses waihu never enters have none', () => {
  for (const status of S) {
    const conditions = engineConditionsOf([status]);
    for (const c of conditions) {
      const scheduledStartAt = c.scheduled ? 1 : null;
      assert.equal(robotTaskStatusOf({ status: c.status, scheduledStartAt }), status);
    }
    const never: RobotTaskStatus[] = ['DISPATCH', 'ARREARS_STOP', 'SYSTEM_CANCEL'];
    assert.equal(conditions.length === 0, never.includes(status), status);
  }
});

test('refusals tell the caller what to do instead', () => {
  assert.throws(() => robotTaskTransition('1', 'READY', 'delete'), /CancelOrderRobotTask first/);
  assert.throws(() => robotTaskTransition('1', 'EXCUTING', 'delete'), /DeleteRobotTask is allowed when the task is INIT, CANCEL, SYSTEM_CANCEL or FINISH/);
  assert.throws(() => robotTaskTransition('1', 'INIT', 'cancel'), /it has not started/);
  assert.throws(() => robotTaskTransition('1', 'CANCEL', 'start'), /a terminated task never runs or changes again/);
  assert.throws(() => robotTaskTransition('1', 'MANUAL_STOP', 'schedule'), /resumes at once/);
});
