/**
 * Issue 7's headline journey in Chromium against a real waihu (SQLite, simulated carrier at 1/100 of real time,
 * dialer running): sign in → create a task in the wizard → import a CSV (its bad line reported by number) → start →
 * progress reaches 100 % → open a recipient's call from the task's recipients table → the transcript shows → the
 * simulated recording (spoken from the transcript on first download) is drawn as a waveform with sound on both
 * sides and plays. Numbers end in 0015 so every callee answers (docs/simulator.md). Needs the console built and
 * espeak-ng; screenshots go to test-artifacts/console/journey-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { screenshot } from './browser-kit.js';
import { espeakSkip } from '../support/installed.js';
import {
  assertPlaybackAdvances, assertWaveformHasBothSides, consoleSkip, createWizardChoices, nextStep, openTaskWizard, pickCallerNumber, scheduleTomorrowAllDay,
  startDialingConsole, waitForTaskComplete, wizardStep, type DialingConsole,
} from './console-kit.js';

const skip = consoleSkip || espeakSkip;

/** Line 3 is not a number; the other two are imported. */
const CSV = ['手机号,name', '13800010015,张三', 'abc,李四', '13800020015,王五', ''].join('\r\n');

describe('the console journey: task, import, progress, call, transcript, recording', { skip, timeout: 240_000 }, () => {
  let web: DialingConsole;
  before(async () => {
    web = await startDialingConsole();
  });
  after(() => web?.stop());

  test('sign in, create, import, start, reach 100 %, open a call: transcript and a recording that plays', async () => {
    await createWizardChoices(web.tenant);

    // Sign in and create the task through the wizard (scheduled for tomorrow, so it waits for its numbers).
    const p = await web.newPage();
    await openTaskWizard(p);
    await p.getByLabel('任务名称').fill('旅程任务');
    await p.getByLabel('智能体').selectOption({ label: '回访小云 · 已上线' });
    await nextStep(p);
    await scheduleTomorrowAllDay(p);
    await nextStep(p);
    await wizardStep(p, 3);
    await nextStep(p);
    await pickCallerNumber(p, '02150001234');
    await screenshot(p, 'journey-1-review');
    await p.getByRole('button', { name: '创建任务' }).click();

    // Import the CSV: line 3 is reported by its number, the two good rows go in.
    await p.getByRole('heading', { name: /导入号码 · 旅程任务/ }).waitFor();
    await p.getByLabel('号码文件').setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const report = p.getByRole('table', { name: /问题清单/ });
    await report.waitFor();
    assert.match(await report.innerText(), /\n3\tabc\t“abc”不是有效号码/, 'line 3 is named as not a number');
    await screenshot(p, 'journey-2-import-report');
    await p.getByRole('button', { name: '导入 2 个有效号码（1 批）' }).click();
    await p.getByText('导入完成：2 个号码已导入，0 个被拒绝。').waitFor();

    // Start from the task page and wait for 100 %.
    await p.getByRole('link', { name: '查看任务' }).click();
    await p.getByRole('heading', { name: /旅程任务/ }).waitFor();
    await p.getByRole('button', { name: '启动任务' }).click();
    await waitForTaskComplete(p);
    await screenshot(p, 'journey-3-complete');

    // The finished recipients: each called row links to its call; the link finds the CallId and opens the call.
    await p.getByRole('group', { name: '明细状态' }).getByRole('button', { name: '已完成' }).click();
    const link = p.getByRole('link', { name: '查看 13800010015 的通话' });
    await link.waitFor();
    assert.equal(await p.getByRole('link', { name: /^查看 \d+ 的通话$/ }).count(), 2, 'one link per called recipient');
    await screenshot(p, 'journey-4-recipients');
    await link.click();
    await p.waitForURL(/#\/calls\/\d+%5E\d+$/);
    const callId = decodeURIComponent(/#\/calls\/(.+)$/.exec(p.url())![1]!);
    const dialog = await web.server.app.store.getCallDialog(web.tenant.accountId, callId);
    assert.ok(dialog?.recording?.simulated, 'the opened call is the simulated call with a recording');

    // The transcript: the prologue with the recipient's name filled in.
    await p.getByText('您好张三', { exact: false }).first().waitFor();
    assert.ok((await p.locator('.chat').innerText()).includes('小云'), 'the agent\'s words are shown');

    // The recording: drawn with sound on both sides (our prompt right, the simulated callee left), and it plays.
    await assertWaveformHasBothSides(p, 30_000);
    await screenshot(p, 'journey-5-call');
    await assertPlaybackAdvances(p, 800);
    await screenshot(p, 'journey-6-playing');
    await p.getByRole('button', { name: '暂停' }).click();

    // Rendered once, on that first download, and kept.
    assert.ok(await web.server.app.recordings.blobs.get(dialog.recording.key), 'the rendered file is in the blob store');
    await p.context().close();
  });
});
