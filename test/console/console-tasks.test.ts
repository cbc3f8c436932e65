/**
 * The task wizard and the number import in Chromium against a real waihu (SQLite, simulated carrier at 1/100 of
 * real time, dialer running): the admin creates a scheduled task through the five steps (picking a published agent
 * and a registered caller number), imports a CSV whose line 3 is not a number and whose line 6 repeats a number
 * after a quoted two-line cell — the report names lines 3 and 6 — then an .xlsx (inflated in the browser); the SDK
 * sees exactly the valid rows with their variables; the task is started from its page and its progress reaches 100 %.
 * Numbers end in 0015 so every callee answers (docs/simulator.md). Screenshots go to test-artifacts/console/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { viaCore, type Tenant } from '../conformance/aiccs-kit.js';
import { screenshot } from './browser-kit.js';
import {
  consoleSkip as skip, createWizardChoices, nextStep, openTaskWizard, pickCallerNumber, scheduleTomorrowAllDay, startDialingConsole, waitForTaskComplete,
  wizardStep, type DialingConsole,
} from './console-kit.js';
import { xlsx } from './xlsx-writer.js';

/** Line 3 is not a number; line 4's note spans lines 4-5, so the repeat of its number is line 6. */
const CSV = [
  '手机号,name,note',
  '13800010015,张三,首行',
  'abc,李四,坏号码',
  '13800020015,王五,"备注',
  '两行"',
  '13800020015,赵六,重复',
  '"13800030015","钱七, 先生",末行',
  '',
].join('\r\n');

interface Detail { CalledNumber: string; Options?: string; Status: number }

describe('task wizard and number import in Chromium', { skip, timeout: 240_000 }, () => {
  let web: DialingConsole;
  let t: Tenant;
  before(async () => {
    web = await startDialingConsole();
    t = web.tenant;
  });
  after(() => web?.stop());

  async function details(taskId: string): Promise<Detail[]> {
    const all: Detail[] = [];
    for (const Status of [0, 1, 2]) {
      const page = await viaCore(t, 'QueryAiCallDetailPage', { TaskId: taskId, Status, PageSize: 100 });
      all.push(...(page.Data as { List: Detail[] }).List);
    }
    return all;
  }

  test('create through the wizard, import CSV and XLSX with a line-numbered report, start, reach 100 %', async () => {
    const agentId = await createWizardChoices(web.tenant);

    const p = await web.newPage();
    await openTaskWizard(p);

    // Step 1: Next with no name stays and says why.
    await nextStep(p);
    await p.getByText('请填写任务名称。').waitFor();
    await p.getByLabel('任务名称').fill('控制台向导任务');
    await p.getByLabel('智能体').selectOption({ label: '回访小云 · 已上线' });
    await screenshot(p, 'task-wizard-basics');
    // Enter submits the step's form: the wizard is usable from the keyboard.
    await p.getByLabel('任务名称').press('Enter');

    // Step 2: a scheduled start (tomorrow), so the task waits for the numbers; all day, every day.
    await scheduleTomorrowAllDay(p);
    await screenshot(p, 'task-wizard-schedule');
    await nextStep(p);

    // Step 3: retries on, a bad CPS is refused in words, then fixed.
    await wizardStep(p, 3);
    await p.getByLabel('未接通时重试').check();
    await p.getByLabel(/每秒呼叫数/).fill('900');
    await nextStep(p);
    await p.getByText('每秒呼叫数为 1–500 的整数。').waitFor();
    await p.getByLabel(/每秒呼叫数/).fill('50');
    await screenshot(p, 'task-wizard-retries');
    await nextStep(p);

    // Step 4: the registered caller number is offered; step 5, the review, shows the exact parameters.
    await pickCallerNumber(p, '02150001234');
    const review = await p.locator(".tc-review").innerText();
    assert.match(review, /CallTime\s+\["\{\\"startTime\\":\\"00:00:00\\",\\"endTime\\":\\"23:59:59\\"\}"\]/, 'CallTime as the wire sends it');
    for (const expected of ['SCHEDULE', agentId, '02150001234', 'MissCallRetry', '50']) {
      assert.ok(review.includes(expected), `the review shows ${expected}`);
    }
    await screenshot(p, 'task-wizard-review');
    await p.getByRole('button', { name: '创建任务' }).click();

    // The import step of the new task.
    await p.getByRole('heading', { name: /导入号码 · 控制台向导任务/ }).waitFor();
    const taskId = /#\/tasks\/(\d+)\/import/.exec(p.url())?.[1];
    assert.ok(taskId, `the import page names the new task: ${p.url()}`);
    const settings = (await viaCore(t, 'QueryAiCallTaskDetail', { TaskId: taskId })).Data as Record<string, unknown>;
    assert.equal(settings.StartType, 'SCHEDULE');
    assert.equal(settings.AgentId, agentId);
    assert.equal(settings.CallerNumber, '02150001234');
    assert.equal(settings.RetryEnable, true);
    assert.equal(settings.ConcurrentCount, 50);

    await p.getByLabel('号码文件').setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`) });
    await p.getByRole('heading', { name: '2. 对应列' }).waitFor();
    // The header's 手机号 is the number, `name` the agent's variable; `note` is imported as a free variable.
    assert.equal(await p.getByLabel('A 手机号 的用途').inputValue(), 'phone');
    assert.equal(await p.getByLabel('B name 的变量名').inputValue(), 'name');
    const report = p.getByRole('table', { name: /问题清单/ });
    await report.waitFor();
    const reportText = await report.innerText();
    assert.match(reportText, /\n3\tabc\t“abc”不是有效号码/, 'line 3 is named as not a number');
    assert.match(reportText, /\n6\t13800020015\t号码 13800020015 与第 4 行重复/, 'the quoted line break is counted: the repeat is line 6');
    assert.match(await p.locator('main').innerText(), /有效：3/);
    await screenshot(p, 'task-import-report');
    await p.setViewportSize({ width: 390, height: 844 });
    await screenshot(p, 'task-import-report-phone');
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.getByRole('button', { name: '导入 3 个有效号码（1 批）' }).click();
    await p.getByText('导入完成：3 个号码已导入，0 个被拒绝。').waitFor();
    await screenshot(p, 'task-import-done');

    // An .xlsx, read from its ZIP and inflated in the browser: one good row, one empty number.
    await p.getByLabel('号码文件').setInputFiles({
      name: 'more.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(xlsx([['phone', 'name'], [13800040015, '孙八'], [null, '无号码']])),
    });
    await p.getByText(/已选择：more\.xlsx/).waitFor();
    assert.match(await p.getByRole('table', { name: /问题清单/ }).innerText(), /\n3\t\t缺少号码/);
    await p.getByRole('button', { name: '导入 1 个有效号码（1 批）' }).click();
    await p.getByText('导入完成：1 个号码已导入，0 个被拒绝。').waitFor();

    // The SDK sees exactly the valid rows, with their variables.
    const imported = await details(taskId);
    assert.deepEqual(imported.map((d) => d.CalledNumber).sort(), ['13800010015', '13800020015', '13800030015', '13800040015']);
    const options = Object.fromEntries(imported.map((d) => [d.CalledNumber, JSON.parse(d.Options ?? '{}') as Record<string, string>]));
    assert.deepEqual(options['13800020015'], { name: '王五', note: '备注\r\n两行' });
    assert.equal(options['13800030015']?.name, '钱七, 先生');
    assert.equal(options['13800040015']?.name, '孙八');

    // Start from the task page; the simulated carrier answers every call and the progress reaches 100 %.
    await p.getByRole('link', { name: '查看任务' }).click();
    await p.getByRole('heading', { name: /控制台向导任务/ }).waitFor();
    await p.getByRole('button', { name: '启动任务' }).click();
    await p.getByText('任务已启动').waitFor().catch(() => undefined);
    await waitForTaskComplete(p);
    const page = await viaCore(t, 'QueryAiCallTaskPage', { TaskId: taskId });
    const entry = (page.Data as { List: { CompleteRate: string; TotalCount: number }[] }).List[0];
    assert.equal(entry?.CompleteRate, '100%');
    assert.equal(entry?.TotalCount, 4);
    await screenshot(p, 'task-complete');
    await p.context().close();
  });
});
