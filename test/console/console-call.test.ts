/**
 * The console's call detail page (#/calls/<CallId>) in Chromium against a real waihu serving the built console.
 * Simulated carrier: a SingleCallByTts placed through the SDK shows its spoken template in the transcript, says it has
 * no recording, and its tags edited in the page are what the SDK's QueryOutboundCallDetail reads back. SIP carrier
 * (sipp echoing our RTP): the recording's two channels are drawn as a waveform with sound in both, and pressing play
 * moves the playback position and the playhead. Screenshots go to test-artifacts/console/. Needs the console built.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { conversationRecord } from '../../src/core/calls/dialog.js';
import { defaultTenant, type Tenant } from '../conformance/aiccs-kit.js';
import { dyvms } from '../conformance/dyvms-kit.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { sipConfig, sipSkip, sleep } from '../e2e/sip-e2e-kit.js';
import { startSippWith } from '../sipp/run-sipp.js';
import type { TestServer } from '../support/conformance-server.js';
import { screenshot } from './browser-kit.js';
import {
  assertPlaybackAdvances, assertWaveformHasBothSides, consoleSkip as skip, gotoCall, startConsoleServer, submitSignIn, type ConsoleServer,
} from './console-kit.js';
const CLIENT = 'openapi-core V3';
const SHOW = '057100001111';
const PROMPT = '您好，您的订单已发货。';

/** The part of a canvas the waveform check reads (this file compiles without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/** QueryOutboundCallDetail's Data, through the SDK. */
async function callDetail(t: Tenant, callId: string): Promise<Record<string, unknown>> {
  const res = await t.core.call({ version: '2025-11-27', action: 'QueryOutboundCallDetail', params: { CallId: callId } });
  return (res.body as { Data: Record<string, unknown> }).Data;
}

/** Each server's caller number is added and its template created once: the template's code. */
const templates = new WeakMap<TestServer, string>();

/** Places one SingleCallByTts speaking PROMPT and waits until the call has ended with its dialog stored. */
async function placeCall(server: TestServer, callee: string): Promise<string> {
  const t = defaultTenant(server);
  let template = templates.get(server);
  if (template === undefined) {
    await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: SHOW });
    template = await created(CLIENT, t, 'CreateTtsTemplate', { Name: '通知', Content: PROMPT, Type: 'NOTIFY' });
    templates.set(server, template);
  }
  const callId = String((await dyvms(CLIENT, t, 'SingleCallByTts', { CalledNumber: callee, CalledShowNumber: SHOW, TtsCode: template, PlayTimes: 1 })).CallId);
  for (let i = 0; i < 600; i++) {
    const stored = await server.app.store.getSingleCall(t.accountId, callId);
    if (stored?.callResult !== undefined) return callId;
    await sleep(100);
  }
  throw new Error(`call ${callId} has no stored result after 60 s`);
}

/** A fresh signed-in page at `width` px opened on the call's detail. */
async function openCall(web: ConsoleServer, callId: string, width = 1280): Promise<Page> {
  const p = await signedInPage(web, { width });
  await gotoCall(p, web.server.url, callId);
  await p.getByRole('heading', { name: '对话记录' }).waitFor();
  return p;
}

/** A fresh page signed in as the admin, once the sign-out button shows. */
async function signedInPage(web: ConsoleServer, viewport: { width?: number; height?: number }): Promise<Page> {
  const p = await web.newPage(false, viewport);
  await submitSignIn(p, web.admin);
  await p.getByRole('button', { name: '退出登录' }).waitFor();
  return p;
}

describe('the console call detail on the simulated carrier', { skip, timeout: 120_000 }, () => {
  let web: ConsoleServer;
  before(async () => {
    web = await startConsoleServer({ config: { simTimeScale: 0.01, simRecordings: false } });
  });
  after(() => web?.stop());

  test('the transcript shows the spoken template, there is no recording, and edited tags are saved for the SDK to read', async () => {
    const callId = await placeCall(web.server, '13800000015');
    const p = await openCall(web, callId);
    const main = p.locator('main');
    const transcript = p.getByRole('region', { name: /对话记录/ });
    assert.match(await transcript.innerText(), new RegExp(PROMPT), 'the prompt is a turn of ours');
    assert.equal(await transcript.locator('.turn-agent').count(), 1, 'on our (right) side');
    await p.getByText('此通话没有录音', { exact: false }).waitFor();
    assert.equal(await p.locator('canvas').count(), 0, 'no waveform without a recording');
    assert.match(await main.innerText(), /用户接通/, 'the call status in words');
    assert.match(await main.innerText(), new RegExp(callId.replace(/[\^]/g, '\\^')));

    // Tags: add two (button and Enter), refuse a duplicate in words, remove one, save.
    const input = p.getByLabel('新标签');
    await input.fill('有意向');
    await p.getByRole('button', { name: '添加' }).click();
    await input.fill('需跟进');
    await input.press('Enter');
    await input.fill('有意向');
    await input.press('Enter');
    await p.getByText('已有这个标签。').waitFor();
    await p.getByRole('button', { name: '移除标签 需跟进' }).click();
    await input.fill('回访');
    await input.press('Enter');
    await screenshot(p, 'call-sim-tags-editing');
    await p.getByRole('button', { name: '保存标签' }).click();
    await p.getByText('标签已保存。').waitFor();
    assert.deepEqual(JSON.parse(String((await callDetail(defaultTenant(web.server), callId)).Tags)), ['有意向', '回访']);
    await screenshot(p, 'call-sim');

    // After a reload the page reads the saved tags back.
    await p.reload();
    await p.getByRole('button', { name: '移除标签 回访' }).waitFor();
    await p.context().close();

    const phone = await openCall(web, callId, 390);
    await phone.getByText(PROMPT).waitFor();
    const overflow = Number(await phone.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow} px)`);
    await screenshot(phone, 'call-sim-phone');
    await phone.context().close();
  });

  test('a barge-in carries a visible badge and words for screen readers; a key press shows its keys', async () => {
    // The simulated notification call neither barges in nor takes keys, so its dialog is answered here in the exact
    // form the server renders one that did (conversationRecord, the same function GetCallDialogContent uses).
    const callId = await placeCall(web.server, '13900000015');
    const p = await signedInPage(web, { height: 800 });
    await p.route('**/console/api/actions/aiccs/GetCallDialogContent', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        RequestId: 'r', Code: 'OK', Message: 'OK', Success: true,
        Data: {
          CallId: callId,
          CallStatus: 2,
          DialogContent: conversationRecord([
            { role: 'assistant', content: PROMPT, at: 0 },
            { role: 'user', content: '不用了', at: 900, interrupted: true },
            { role: 'assistant', content: '请按 1 确认,按井号返回。', at: 1500 },
            { role: 'user', content: '1#', at: 4200, dtmf: '1#' },
          ]),
        },
      }),
    }));
    await gotoCall(p, web.server.url, callId);
    const interrupted = p.locator('.turn-interrupted');
    await interrupted.waitFor();
    assert.equal(await interrupted.count(), 1);
    assert.match(await interrupted.innerText(), /客户\s*打断[\s\S]*不用了/, 'the badge is visible with the words');
    assert.match(await interrupted.textContent() ?? '', /客户在我方播报时打断/, 'and screen readers hear why');
    assert.ok(!(await p.locator('.chat').innerText()).includes('<客户打断>'), 'the raw marker is not shown');
    assert.deepEqual(await p.locator('.turn-user kbd').allInnerTexts(), ['1', '#'], 'keys as keycaps');
    assert.equal(await p.locator('.turn-user').nth(1).locator('.visually-hidden').innerText(), '客户按键:1 #');
    await screenshot(p, 'call-interrupted');
    await p.context().close();
  });

  test('an unknown CallId says so in words', async () => {
    const p = await web.newPage(true, { height: 800 });
    await gotoCall(p, web.server.url, '999^123');
    await p.getByText('找不到这通电话', { exact: false }).waitFor();
    await p.context().close();
  });
});

describe('the console call detail on the SIP carrier (sipp, recorded)', { skip: skip || sipSkip, timeout: 180_000 }, () => {
  test('the recording is drawn as two channels with sound in both, plays, and seeks with the keyboard', async () => {
    const sipp = await startSippWith('answer-rtp-echo-wait-bye', { timeoutS: 60, extraArgs: ['-rtp_echo'] });
    let web: ConsoleServer | undefined;
    try {
      web = await startConsoleServer({ config: sipConfig(sipp, { sipUsername: 'waihu-test' }) });
      const callId = await placeCall(web.server, '13800000000');
      assert.ok((await callDetail(defaultTenant(web.server), callId)).RecordUrl, 'the call was recorded');
      const p = await openCall(web, callId);
      // The callee's side is sipp echoing our RTP back.
      const canvas = await assertWaveformHasBothSides(p);
      // What was drawn, not just what was computed: columns whose trace spans more than a few pixels, per lane.
      // (No named helpers inside: the page runs this function's source as it is.)
      const drawn = await canvas.evaluate((el: CanvasLike) => {
        const { width, height } = el;
        const pixels = el.getContext('2d')!.getImageData(0, 0, width, height).data;
        const columns = [0, 0];
        for (let lane = 0; lane < 2; lane++) {
          for (let x = 0; x < width; x++) {
            let inked = 0;
            for (let y = Math.floor((lane * height) / 2); y < Math.floor(((lane + 1) * height) / 2); y++) {
              const i = 4 * (y * width + x);
              const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
              // The traces are saturated blue and green; lane backgrounds, the centre line and the labels are grey.
              if (Math.max(r, g, b) - Math.min(r, g, b) > 60) inked++;
            }
            if (inked > 4) columns[lane]!++;
          }
        }
        return { callee: columns[0]!, platform: columns[1]! };
      });
      assert.ok(drawn.callee > 20 && drawn.platform > 20, `both lanes drawn with sound: ${JSON.stringify(drawn)}`);

      const slider = p.getByRole('slider', { name: /录音波形/ });
      const max = Number(await slider.getAttribute('aria-valuemax'));
      assert.ok(max >= 1, `the recording lasts ${max} s`);
      await slider.focus();
      await slider.press('End');
      assert.equal(Number(await slider.getAttribute('aria-valuenow')), max, 'End seeks to the end');
      await slider.press('Home');
      await slider.press('ArrowRight');
      assert.equal(Number(await slider.getAttribute('aria-valuenow')), 1, 'an arrow steps one second');
      await slider.press('Home');
      await screenshot(p, 'call-sip-recording');

      await assertPlaybackAdvances(p, 600);
      const playhead = await p.locator('.playhead').evaluate((el: { style: { left: string } }) => parseFloat(el.style.left));
      assert.ok(playhead > 0, `the playhead moved to ${playhead}%`);
      await screenshot(p, 'call-sip-playing');
      await p.getByRole('button', { name: '暂停' }).click();
      await p.context().close();
    } finally {
      sipp.kill();
      await web?.stop();
    }
  });
});
