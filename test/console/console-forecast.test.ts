/**
 * The Forecast page in Chromium against a real waihu: sign in, open Forecast (the model is prefilled from
 * GetSimulatorModel), run 500 numbers and see the time to complete, the hourly chart and the outcome chart; a bad
 * CPS is refused in words before anything is sent; a file of numbers is read and counted; the page works at phone
 * width. Screenshots go to test-artifacts/console/. Needs the console built; skipped without Chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './browser-kit.js';
import { consoleSkip as skip, startConsoleServer, submitSignIn, type ConsoleServer } from './console-kit.js';

describe('the Forecast page in Chromium', { skip, timeout: 120_000 }, () => {
  let web: ConsoleServer;
  before(async () => {
    web = await startConsoleServer();
  });
  after(() => web?.stop());

  async function forecastPage(width = 1280): Promise<Page> {
    const p = await web.newPage(false, { width, timezoneId: 'Asia/Shanghai' });
    await submitSignIn(p, web.admin);
    await p.getByRole('heading', { level: 1 }).first().waitFor();
    if (width >= 1000) await p.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: '预测' }).click();
    else await p.goto(`${web.server.url}/console/#/forecast`); // the phone layout folds the navigation behind a menu
    await p.getByRole('heading', { name: '外呼预测' }).waitFor();
    return p;
  }

  test('500 numbers: the time to complete, the hourly chart and the outcome chart show', async () => {
    const p = await forecastPage();
    const model = p.getByLabel('结果模型（JSON）');
    await model.waitFor();
    assert.match(await model.inputValue(), /"ANSWERED"/, 'the model is prefilled from GetSimulatorModel');
    await p.getByLabel('号码数量').fill('500');
    await p.getByLabel('每秒呼叫数（TaskCps）').fill('10');
    await p.getByLabel('开始时间').fill('2026-12-01T09:00');
    await p.getByRole('button', { name: '开始预测' }).click();
    const results = p.getByTestId('forecast-results');
    await results.waitFor({ timeout: 60_000 });
    // 500 numbers at 10 a second: the last dial is about 50 s in, the last call ends within a few minutes.
    const card = results.locator('div.card', { hasText: '完成用时' });
    assert.match(await card.locator('dd').first().innerText(), /^\d+ 分 \d+ 秒$/);
    assert.match(await results.locator('div.card', { hasText: '号码数' }).locator('dd').first().innerText(), /^500$/);
    const hourly = p.getByTestId('hourly-chart');
    assert.ok(await hourly.locator('rect').count() >= 1, 'an hourly bar');
    assert.match((await hourly.locator('rect title').first().textContent()) ?? '', /2026-12-01 09:00: 呼叫 500/);
    const outcomes = p.getByTestId('outcome-chart');
    assert.ok(await outcomes.getByText('用户接通', { exact: true }).count() === 1, 'the answered outcome is labelled');
    assert.ok(await outcomes.locator('rect').count() >= 3, 'several outcomes drawn');
    await p.getByText('以表格查看数据').click();
    await p.getByRole('cell', { name: '2026-12-01 09:00' }).waitFor();
    await screenshot(p, 'forecast-results');
    await p.context().close();
  });

  test('a bad CPS is refused in words and nothing runs; a file of numbers is read and counted', async () => {
    const p = await forecastPage();
    await p.getByLabel('每秒呼叫数（TaskCps）').fill('0');
    await p.getByRole('button', { name: '开始预测' }).click();
    await p.getByText('每秒呼叫数必须是 1 到 500 之间的整数。').waitFor();
    assert.equal(await p.getByTestId('forecast-results').count(), 0);
    assert.equal(await p.getByLabel('每秒呼叫数（TaskCps）').getAttribute('aria-invalid'), 'true');
    await screenshot(p, 'forecast-bad-cps');
    await p.getByLabel('上传号码文件').check();
    await p.getByLabel('号码文件', { exact: true }).setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from('number,name\n13800000001,张三\n138-0000-0002,李四\n\nnot a number\n') });
    await p.getByText('已读取 2 个号码，跳过 2 行不是号码的内容').waitFor();
    await p.context().close();
  });

  test('at phone width the form and the results fit the screen', async () => {
    const p = await forecastPage(390);
    await p.getByLabel('号码数量').fill('200');
    await p.getByLabel('开始时间').fill('2026-12-01T09:00');
    await p.getByRole('button', { name: '开始预测' }).click();
    await p.getByTestId('forecast-results').waitFor({ timeout: 60_000 });
    const overflow = await p.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`);
    await screenshot(p, 'forecast-phone');
    await p.context().close();
  });
});
