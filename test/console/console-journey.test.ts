/**
 * Issue 7's headline journey in Chromium against a real waihu (SQLite, simulated carrier at 1/100 of real time,
 * dialer running): sign in → create a task in the wizard → import a CSV (its bad line reported by number) → start →
 * progress reaches 100 % → open a recipient's call from the task's recipients table → the transcript shows → the
 * simulated recording (spoken from the transcript on first download) is drawn as a waveform with sound on both
 * sides and plays. Numbers end in 0015 so every callee answers (docs/simulator.md). Needs the console built and
 * espeak-ng; screenshots go to test-artifacts/console/journey-*.png.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FirstStartCredentials } from '../../src/app/app.js';
import { startDialer, type RunningDialer } from '../../src/app/dialer-service.js';
import { createLogger } from '../../src/app/logger.js';
import { defaultTenant, shrink, type Tenant } from '../conformance/aiccs-kit.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { WAIHU } from '../support/sdk-clients.js';
import { browserSkip, launchBrowser, screenshot } from './browser-kit.js';

function hasEspeak(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const built = existsSync('dist/console/index.html');
const skip = browserSkip || (built ? false : 'the console is not built (npm run build:console)') || (hasEspeak() ? false : 'espeak-ng is not installed');

const MODEL = {
  TaskType: 'BASIC', StartWordType: 1, BasicTaskDescription: '回访信用卡用户的使用体验',
  Prologue: '您好${name}，我是某某银行的小云，想占用您一分钟做个回访，方便吗？',
  MainPurpose: { MainPurposeName: '回访意向', MainPurposeEnum: [{ Value: 'A', Description: '愿意沟通' }, { Value: 'C', Description: '拒绝' }] },
};

/** Line 3 is not a number; the other two are imported. */
const CSV = ['手机号,name', '13800010015,张三', 'abc,李四', '13800020015,王五', ''].join('\r\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the console journey: task, import, progress, call, transcript, recording', { skip, timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let dialer: RunningDialer;
  let t: Tenant;

  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01, throttling: false }, logger: createLogger('error', process.stderr) });
    dialer = startDialer(server.app);
    t = defaultTenant(server);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await dialer?.stop(5000);
    await server?.stop();
  });

  async function waihu(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    return (await t.core.call({ version: WAIHU, action, params: shrink(params) })).body;
  }

  async function signedIn(): Promise<Page> {
    const { ConsoleUser, ConsolePassword } = server.key as FirstStartCredentials;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    await p.goto(`${server.url}/console/`);
    await p.getByLabel('用户名').fill(ConsoleUser);
    await p.getByLabel('密码').fill(ConsolePassword);
    await p.getByRole('button', { name: '登录' }).click();
    await p.getByRole('navigation', { name: '控制台导航' }).waitFor();
    return p;
  }

  test('sign in, create, import, start, reach 100 %, open a call: transcript and a recording that plays', async () => {
    const agentId = String((await waihu('CreateAiVoiceAgent', { Name: '回访小云', ModelConfig: JSON.stringify(MODEL) })).Data);
    await waihu('PublishAiVoiceAgent', { AgentId: agentId });
    await waihu('AddCallerNumber', { PhoneNumber: '02150001234' });

    // Sign in and create the task through the wizard (scheduled for tomorrow, so it waits for its numbers).
    const p = await signedIn();
    await p.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: '外呼任务' }).click();
    await p.getByRole('link', { name: '新建任务' }).click();
    await p.getByRole('heading', { name: '新建外呼任务' }).waitFor();
    await p.getByLabel('任务名称').fill('旅程任务');
    await p.getByLabel('智能体').selectOption({ label: '回访小云 · 已上线' });
    await p.getByRole('button', { name: '下一步' }).click();
    await p.getByRole('heading', { name: /第 2 步/ }).waitFor();
    await p.getByLabel('定时启动（SCHEDULE）').check();
    const tomorrow = new Date(Date.now() + 86_400_000);
    await p.getByLabel('启动时间').fill(new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
    await p.getByLabel('时间段 1 开始').fill('00:00:00');
    await p.getByLabel('时间段 1 结束').fill('23:59:59');
    await p.getByRole('button', { name: '每天' }).click();
    await p.getByRole('button', { name: '下一步' }).click();
    await p.getByRole('heading', { name: /第 3 步/ }).waitFor();
    await p.getByRole('button', { name: '下一步' }).click();
    await p.getByRole('heading', { name: /第 4 步/ }).waitFor();
    await p.getByLabel('02150001234').check();
    await p.getByRole('button', { name: '下一步' }).click();
    await p.getByRole('heading', { name: /第 5 步/ }).waitFor();
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
    const deadline = Date.now() + 150_000;
    for (;;) {
      const text = await p.locator('main').innerText();
      if (/完成率 100%/.test(text)) break;
      if (Date.now() > deadline) throw new Error(`the task did not reach 100 %: ${text.slice(0, 400)}`);
      await sleep(1000);
      await p.getByRole('button', { name: '刷新' }).click();
    }
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
    const dialog = await server.app.store.getCallDialog(t.accountId, callId);
    assert.ok(dialog?.recording?.simulated, 'the opened call is the simulated call with a recording');

    // The transcript: the prologue with the recipient's name filled in.
    await p.getByText('您好张三', { exact: false }).first().waitFor();
    assert.ok((await p.locator('.chat').innerText()).includes('小云'), 'the agent\'s words are shown');

    // The recording: drawn with sound on both sides (our prompt right, the simulated callee left), and it plays.
    const canvas = p.locator('canvas[data-callee-peak]');
    await canvas.waitFor({ timeout: 30_000 });
    const platform = Number(await canvas.getAttribute('data-platform-peak'));
    const callee = Number(await canvas.getAttribute('data-callee-peak'));
    assert.ok(platform > 0.05, `the platform's channel has speech: peak ${platform}`);
    assert.ok(callee > 0.05, `the callee's channel has speech: peak ${callee}`);
    await screenshot(p, 'journey-5-call');
    await p.getByRole('button', { name: '播放' }).click();
    await sleep(800);
    const position = await p.locator('audio').evaluate((a: { currentTime: number }) => a.currentTime);
    assert.ok(position > 0, `playback advanced to ${position} s`);
    await screenshot(p, 'journey-6-playing');
    await p.getByRole('button', { name: '暂停' }).click();

    // Rendered once, on that first download, and kept.
    assert.ok(await server.app.recordings.blobs.get(dialog.recording.key), 'the rendered file is in the blob store');
    await p.context().close();
  });
});
