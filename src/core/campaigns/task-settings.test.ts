import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { newTaskRecord, scheduledStartOnUpdate } from './new-task.js';
import { DEFAULT_RETRY } from './retry-settings.js';
import { applyTaskUpdate, parseTaskSettings, type TaskSettingsInput } from './task-settings.js';

const BASE: TaskSettingsInput = {
  TaskName: ' Spring promo ',
  StartType: 'IMMEDIATE',
  CallTime: '["{\\"startTime\\":\\"09:00:00\\",\\"endTime\\":\\"18:00:00\\"}"]',
  CallDay: '["MONDAY","TUESDAY"]',
};

const refuses = (input: TaskSettingsInput, param: string, message: RegExp) =>
  assert.throws(
    () => parseTaskSettings({ ...BASE, ...input }),
    (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param && message.test(e.message),
    `${param}: ${JSON.stringify(input)}`,
  );

test('CreateAiCallTask parameters parse with the documented and waihu defaults', () => {
  const s = parseTaskSettings({ ...BASE, VirtualNumber: '05710001', TaskStartTime: 123 });
  assert.equal(s.name, 'Spring promo');
  assert.deepEqual([s.startType, s.taskStartTime], ['IMMEDIATE', null]);
  assert.deepEqual(s.callerNumbers, ['05710001']);
  assert.deepEqual(s.callDays, ['MONDAY', 'TUESDAY']);
  assert.equal(s.callTime.windows[0]?.endSecond, 64_800);
  assert.deepEqual([s.taskCps, s.concurrency, s.timeZone], [10, null, 'Asia/Shanghai']);
  assert.deepEqual(s.retry, DEFAULT_RETRY);
});

test('every parameter is checked and named', () => {
  refuses({ TaskName: '  ' }, 'TaskName', /required/);
  refuses({ TaskName: 'x'.repeat(129) }, 'TaskName', /at most 128/);
  refuses({ StartType: 'LATER' }, 'StartType', /IMMEDIATE or SCHEDULE/);
  refuses({ StartType: 'SCHEDULE' }, 'TaskStartTime', /required when StartType is SCHEDULE/);
  refuses({ TaskCps: 0 }, 'TaskCps', /between 1 and 500/);
  refuses({ TaskCps: 501 }, 'TaskCps', /between 1 and 500/);
  refuses({ TaskCps: 1.5 }, 'TaskCps', /integer/);
  refuses({ Concurrency: 0 }, 'Concurrency', /between 1/);
  refuses({ TimeZone: 'Mars/Olympus' }, 'TimeZone', /IANA time zone/);
  refuses({ CallDay: 'MONDAY' }, 'CallDay', /JSON array/);
  refuses({ CallerNumbers: [''] }, 'CallerNumbers', /empty/);
  const scheduled = parseTaskSettings({ ...BASE, StartType: 'schedule', TaskStartTime: '1748923429000', TimeZone: 'Europe/Berlin' });
  assert.deepEqual([scheduled.startType, scheduled.taskStartTime, scheduled.timeZone], ['SCHEDULE', 1_748_923_429_000, 'Europe/Berlin']);
});

test('UpdateAiCallTask replaces what it sends and keeps what it leaves out or cannot send', () => {
  const current = parseTaskSettings({ ...BASE, AgentId: 'agent', ApplicationCode: 'app', VirtualNumber: '0571', MissCallRetry: true, TaskCps: 80, Concurrency: 9, TimeZone: 'UTC' });
  const next = applyTaskUpdate(current, { TaskName: 'renamed', StartType: 'SCHEDULE', TaskStartTime: 5, CallTime: ['{"startTime":"10:00:00","endTime":"11:00:00"}'], CallDay: ['SUNDAY'], CallRetryTimes: 2 });
  assert.deepEqual([next.name, next.startType, next.taskStartTime, next.callDays], ['renamed', 'SCHEDULE', 5, ['SUNDAY']]);
  assert.deepEqual([next.agentId, next.applicationCode, next.virtualNumber, next.callerNumbers], ['agent', 'app', '0571', ['0571']]);
  assert.deepEqual([next.retry.enabled, next.retry.times, next.taskCps, next.concurrency, next.timeZone], [true, 2, 80, 9, 'UTC']);
  const newLine = applyTaskUpdate(current, { ...BASE, VirtualNumber: '0572' });
  assert.deepEqual(newLine.callerNumbers, ['0572']);
});

test('IMMEDIATE tasks run from creation; SCHEDULE tasks wait for their start time', () => {
  const now = 1_750_000_000_000;
  const immediate = newTaskRecord('1', 'acc', parseTaskSettings(BASE), now);
  assert.deepEqual([immediate.status, immediate.realStartTime, immediate.scheduledStartAt], ['RUNNING', now, null]);
  const settings = parseTaskSettings({ ...BASE, StartType: 'SCHEDULE', TaskStartTime: now + 1000 });
  const scheduled = newTaskRecord('2', 'acc', settings, now);
  assert.deepEqual([scheduled.status, scheduled.realStartTime, scheduled.scheduledStartAt], ['INIT', null, now + 1000]);
  assert.equal(scheduledStartOnUpdate(settings, 'INIT', null, now + 5000), now + 1000, 'never ran: start at once');
  assert.equal(scheduledStartOnUpdate(settings, 'STOPPED', now, now + 5000), null, 'ran before: a past time is not a restart');
  assert.equal(scheduledStartOnUpdate(settings, 'STOPPED', now, now), now + 1000);
  assert.equal(scheduledStartOnUpdate(settings, 'COMPLETED', now, now), null);
  assert.equal(scheduledStartOnUpdate(parseTaskSettings(BASE), 'STOPPED', now, now), null);
});
