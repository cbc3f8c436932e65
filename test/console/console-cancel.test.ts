/**
 * Cancelling a number from the task detail page: a task that has not started (no dialer runs here) lists its numbers
 * as not finished, each with a cancel button; cancelling one goes through aiccs CancelAiCallDetails, the page says so,
 * and the SDK then sees that number cancelled while the others still wait.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTask, defaultTenant, importRows, rows, via } from '../conformance/aiccs-kit.js';
import { screenshot } from './browser-kit.js';
import { consoleSkip, startConsoleServer, type ConsoleServer } from './console-kit.js';

describe('cancelling a number from the console', { skip: consoleSkip, timeout: 120_000 }, () => {
  let console_: ConsoleServer;
  before(async () => {
    console_ = await startConsoleServer();
  });
  after(() => console_?.stop());

  test('a waiting number is cancelled with its row button; the others still wait', async () => {
    const t = defaultTenant(console_.server);
    const taskId = await createTask(t, '取消测试', { StartType: 'SCHEDULE', TaskStartTime: Date.now() + 86_400_000 });
    const list = rows(3);
    await importRows(t, taskId, list);
    const p = await console_.newPage();
    await p.goto(`${console_.server.url}/console/#/tasks/${taskId}`);
    const number = String(list[1]!.calleeNumber);
    await p.getByRole('button', { name: `取消呼叫 ${number}` }).click();
    await p.getByText(`已取消 ${number} 的呼叫。`).waitFor();
    await screenshot(p, 'task-number-cancelled');
    const page = await via('openapi-core V3', t, 'QueryAiCallDetailPage', { TaskId: taskId, Status: 0, PageNo: 1, PageSize: 10 });
    const waiting = ((page.Data as { List: { CalledNumber: string }[] }).List).map((d) => d.CalledNumber).sort();
    assert.deepEqual(waiting, list.map((r) => String(r.calleeNumber)).filter((n) => n !== number).sort());
    await p.context().close();
  });
});
