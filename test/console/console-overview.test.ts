/**
 * The Overview in a real browser (Debian Chromium, headless) against a real waihu whose simulated carrier runs 100x
 * faster: signed in, the page opens on the Overview with the live stream connected and nothing ended yet; calls placed
 * through the SDK (dyvms SingleCallByTts) then appear in the cards, the outcome chart and its table without a reload.
 * Screenshots go to test-artifacts/console/. Needs the console built (`npm run build:console`); skipped without Chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { defaultTenant } from '../conformance/aiccs-kit.js';
import { dyvms } from '../conformance/dyvms-kit.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { screenshot } from './browser-kit.js';
import { consoleSkip as skip, startConsoleServer, submitSignIn, type ConsoleServer } from './console-kit.js';

const CLIENT = 'openapi-core V3';
const SHOW = '057100001111';

describe('the Overview in Chromium', { skip, timeout: 120_000 }, () => {
  let web: ConsoleServer;
  before(async () => {
    web = await startConsoleServer({ config: { simTimeScale: 0.01 } });
  });
  after(() => web?.stop());

  async function signedIn(width: number, height: number): Promise<Page> {
    const p = await web.newPage(false, { width, height });
    await submitSignIn(p, web.admin);
    return p;
  }

  /** The big number of the card titled `title`. */
  const cardValue = (p: Page, title: string) => p.locator('.card', { has: p.getByRole('heading', { name: title, exact: true }) }).locator('p').first();

  test('calls placed through the SDK show up live: cards, outcome chart and table, without a reload', async () => {
    const p = await signedIn(1280, 900);
    await p.getByRole('heading', { name: '概览', level: 1 }).waitFor();
    await p.locator('[data-live-mode="live"]').waitFor();
    await p.getByText('所选时间范围内还没有结束的通话').waitFor();
    assert.equal(await cardValue(p, '已结束的通话').textContent(), '0');
    // A mark on the window: it survives only if the page is never reloaded.
    await p.evaluate('window.overviewMark = 42');

    const t = defaultTenant(web.server);
    await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: SHOW });
    const template = await created(CLIENT, t, 'CreateTtsTemplate', { Name: '通知', Content: '您的包裹已到。', Type: 'NOTIFY' });
    for (const number of ['13800000015', '13900000015', '13800000001']) {
      await dyvms(CLIENT, t, 'SingleCallByTts', { CalledNumber: number, CalledShowNumber: SHOW, TtsCode: template, PlayTimes: 1 });
    }

    // Two answered and one busy: the answer rate card reads 2 of 3 once the stream has caught up.
    await p.getByText('2 / 3 通接通').waitFor({ timeout: 20_000 });
    assert.equal(await cardValue(p, '已结束的通话').textContent(), '3');
    assert.equal(await cardValue(p, '接通率').textContent(), '66.7%');
    assert.equal(await p.evaluate('window.overviewMark'), 42, 'the page was not reloaded');
    assert.equal(await p.locator('[data-live-mode]').getAttribute('data-live-mode'), 'live');

    const chart = p.getByRole('img', { name: /结果堆叠的柱状图,共 3 通/ });
    await chart.waitFor();
    assert.equal(await chart.locator('rect').count(), 2, 'one bar segment per outcome in the one bucket');
    const legend = p.locator('figcaption.progress-legend');
    assert.match((await legend.textContent()) ?? '', /用户接通: 2.*被叫忙: 1/);
    await p.getByRole('img', { name: /接通率折线图/ }).waitFor();

    await p.getByText('以表格查看数据').click();
    const row = p.getByRole('table').locator('tbody tr');
    assert.equal(await row.count(), 1);
    assert.match((await row.textContent()) ?? '', /3.*2.*66\.7%.*用户接通 2 · 被叫忙 1/);
    await screenshot(p, 'overview-live');

    // The other time ranges ask again and still count the same calls.
    await p.getByRole('button', { name: '15 分钟' }).click();
    await p.getByRole('img', { name: /每10 秒结束的通话/ }).waitFor();
    assert.equal(await cardValue(p, '已结束的通话').textContent(), '3');
    await p.context().close();
  });

  test('on a phone the cards stack and the charts fit the screen', async () => {
    const p = await signedIn(390, 844);
    await p.getByText(/2 \/ 3 通接通/).waitFor({ timeout: 20_000 });
    const overflow = Number(await p.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    await screenshot(p, 'overview-phone');
    await p.context().close();
  });
});
