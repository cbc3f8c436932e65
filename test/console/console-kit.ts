/**
 * What the console's tests share: a waihu with its first-start admin and (for browser tests) a Chromium, pages signed
 * in as that admin, the task wizard's steps that more than one test walks through, and the recording checks of the
 * call page. Each helper does what the tests did inline before, step for step, so a test reads as its story.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FirstStartCredentials } from '../../src/app/app.js';
import { startDialer } from '../../src/app/dialer-service.js';
import { createLogger } from '../../src/app/logger.js';
import { defaultTenant, shrink, type Tenant } from '../conformance/aiccs-kit.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../support/conformance-server.js';
import { WAIHU } from '../support/sdk-clients.js';
import { browserSkip, launchBrowser } from './browser-kit.js';

/** The `skip` of a browser describe: a reason when Chromium is missing or the console is not built, else false. */
export const consoleSkip = browserSkip || (existsSync('dist/console/index.html') ? false : 'the console is not built (npm run build:console)');

/** A console user's sign-in. */
export interface ConsoleAdmin {
  name: string;
  password: string;
}

/** The `admin` a first start creates on the test server's fresh data directory. */
export function consoleAdmin(server: TestServer): ConsoleAdmin {
  const created = server.key as FirstStartCredentials;
  return { name: created.ConsoleUser, password: created.ConsolePassword };
}

/** A test server (with `options`) and its first-start admin, for tests that talk to the console's API directly. */
export async function startServerWithAdmin(options: TestServerOptions = {}): Promise<{ server: TestServer; admin: ConsoleAdmin }> {
  const server = await startTestServer(options);
  return { server, admin: consoleAdmin(server) };
}

/** The browser window a page gets: 1280×900 unless told otherwise. */
export interface PageOptions {
  width?: number;
  height?: number;
  timezoneId?: string;
}

/** A test server with the built console, its admin and a headless Chromium to look at it with. */
export interface ConsoleServer {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly admin: ConsoleAdmin;
  /** A fresh page (own context, no cookies) at /console/, signed in as the admin unless `signIn` is false. */
  newPage(signIn?: boolean, options?: PageOptions): Promise<Page>;
  /** Closes the browser, then stops the server. */
  stop(): Promise<void>;
}

/** Starts a test server (with `options`) and Chromium. */
export async function startConsoleServer(options: TestServerOptions = {}): Promise<ConsoleServer> {
  const { server, admin } = await startServerWithAdmin(options);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    browser,
    admin,
    async newPage(signedIn = true, { width = 1280, height = 900, timezoneId }: PageOptions = {}) {
      const context = await browser.newContext({ viewport: { width, height }, ...(timezoneId ? { timezoneId } : {}) });
      const page = await context.newPage();
      await page.goto(`${server.url}/console/`);
      if (signedIn) await signIn(page, admin);
      return page;
    },
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

/** A console whose tasks really dial: the simulated carrier at 1/100 of real time, no throttling, the dialer running. */
export interface DialingConsole extends ConsoleServer {
  /** The default account, as the SDK sees it. */
  readonly tenant: Tenant;
}

/** Starts a console server with the dialer running; stop() stops the dialer first (waiting up to 5 s for it). */
export async function startDialingConsole(): Promise<DialingConsole> {
  const web = await startConsoleServer({ config: { simTimeScale: 0.01, throttling: false }, logger: createLogger('error', process.stderr) });
  const dialer = startDialer(web.server.app);
  return {
    ...web,
    tenant: defaultTenant(web.server),
    async stop() {
      await dialer.stop(5000);
      await web.stop();
    },
  };
}

/** Fills the sign-in form of a page showing it and presses 登录, without waiting for what follows. */
export async function submitSignIn(page: Page, admin: ConsoleAdmin): Promise<void> {
  await page.getByLabel('用户名').fill(admin.name);
  await page.getByLabel('密码').fill(admin.password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Signs in on a page showing the sign-in form and waits until the console's navigation is there. */
export async function signIn(page: Page, admin: ConsoleAdmin): Promise<void> {
  await submitSignIn(page, admin);
  await page.getByRole('navigation', { name: '控制台导航' }).waitFor();
}

// ---- the task wizard -------------------------------------------------------------------------------------------

/** From the signed-in console: Tasks → New task, until the wizard's first step shows. */
export async function openTaskWizard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: '外呼任务' }).click();
  await page.getByRole('link', { name: '新建任务' }).click();
  await page.getByRole('heading', { name: '新建外呼任务' }).waitFor();
}

/** The agent the wizard tests pick: a published basic survey whose prologue greets `${name}`. */
const SURVEY_AGENT_MODEL = {
  TaskType: 'BASIC', StartWordType: 1, BasicTaskDescription: '回访信用卡用户的使用体验',
  Prologue: '您好${name}，我是某某银行的小云，想占用您一分钟做个回访，方便吗？',
  MainPurpose: { MainPurposeName: '回访意向', MainPurposeEnum: [{ Value: 'A', Description: '愿意沟通' }, { Value: 'C', Description: '拒绝' }] },
};

/**
 * What the wizard offers, made through the SDK: the published agent 回访小云 (SURVEY_AGENT_MODEL) and the registered
 * caller number 02150001234. Answers the agent's id.
 */
export async function createWizardChoices(t: Tenant): Promise<string> {
  const waihu = async (action: string, params: Record<string, unknown>) => (await t.core.call({ version: WAIHU, action, params: shrink(params) })).body;
  const agentId = String((await waihu('CreateAiVoiceAgent', { Name: '回访小云', ModelConfig: JSON.stringify(SURVEY_AGENT_MODEL) })).Data);
  await waihu('PublishAiVoiceAgent', { AgentId: agentId });
  await waihu('AddCallerNumber', { PhoneNumber: '02150001234' });
  return agentId;
}

/** Waits for the wizard's step `n`. */
export function wizardStep(page: Page, n: number): Promise<void> {
  return page.getByRole('heading', { name: new RegExp(`第 ${n} 步`) }).waitFor();
}

/** Presses the wizard's 下一步. */
export function nextStep(page: Page): Promise<void> {
  return page.getByRole('button', { name: '下一步' }).click();
}

/** Step 2: a scheduled start tomorrow (so the task waits for its numbers), calling all day, every day; stays on the step. */
export async function scheduleTomorrowAllDay(page: Page): Promise<void> {
  await wizardStep(page, 2);
  await page.getByLabel('定时启动（SCHEDULE）').check();
  const tomorrow = new Date(Date.now() + 86_400_000);
  // datetime-local wants the local wall time, without a zone.
  await page.getByLabel('启动时间').fill(new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
  await page.getByLabel('时间段 1 开始').fill('00:00:00');
  await page.getByLabel('时间段 1 结束').fill('23:59:59');
  await page.getByRole('button', { name: '每天' }).click();
}

/** Step 4: picks the registered caller number `number` and goes on to the review (step 5). */
export async function pickCallerNumber(page: Page, number: string): Promise<void> {
  await wizardStep(page, 4);
  await page.getByLabel(number).check();
  await nextStep(page);
  await wizardStep(page, 5);
}

/** On a task's page: presses Refresh once a second until the progress reads 100 %, failing after `timeoutMs`. */
export async function waitForTaskComplete(page: Page, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await page.locator('main').innerText();
    if (/完成率 100%/.test(text)) return;
    if (Date.now() > deadline) throw new Error(`the task did not reach 100 %: ${text.slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.getByRole('button', { name: '刷新' }).click();
  }
}

// ---- the call page ---------------------------------------------------------------------------------------------

/** Opens the call `callId`'s page in a signed-in console. */
export function gotoCall(page: Page, serverUrl: string, callId: string): Promise<unknown> {
  return page.goto(`${serverUrl}/console/#/calls/${encodeURIComponent(callId)}`);
}

/** Waits for the recording's waveform and asserts both channels (ours right, the callee's left) carry sound. */
export async function assertWaveformHasBothSides(page: Page, timeout?: number): Promise<ReturnType<Page['locator']>> {
  const canvas = page.locator('canvas[data-callee-peak]');
  await canvas.waitFor(timeout === undefined ? {} : { timeout });
  const platform = Number(await canvas.getAttribute('data-platform-peak'));
  const callee = Number(await canvas.getAttribute('data-callee-peak'));
  assert.ok(platform > 0.05, `our side (the platform's, right channel) has speech: peak ${platform}`);
  assert.ok(callee > 0.05, `the callee's side (left channel) has sound: peak ${callee}`);
  return canvas;
}

/** Presses 播放 and asserts the audio's position has moved after `ms`; the recording keeps playing. */
export async function assertPlaybackAdvances(page: Page, ms: number): Promise<void> {
  await page.getByRole('button', { name: '播放' }).click();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const position = await page.locator('audio').evaluate((a: { currentTime: number }) => a.currentTime);
  assert.ok(position > 0, `playback advanced to ${position} s`);
}
