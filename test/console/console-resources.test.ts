/**
 * The voice, numbers and receipts pages in a real browser (Debian Chromium, headless) against a real waihu (SQLite,
 * simulated carrier, espeak-ng for previews): a TTS template created on the page plays as audio the browser can
 * decode, a caller number is added, a do-not-call upload with one bad line reports that line's number (and the good
 * numbers reach the list), and a receipt URL is saved and the delivery log renders its empty state. Screenshots go
 * to test-artifacts/console/. Needs the console built (`npm run build:console`); skipped without Chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { defaultTenant } from '../conformance/aiccs-kit.js';
import { waihu } from '../conformance/waihu-kit.js';
import { screenshot } from './browser-kit.js';
import { consoleSkip as skip, startConsoleServer, submitSignIn, type ConsoleServer } from './console-kit.js';

describe('voice, numbers and receipts pages in Chromium', { skip, timeout: 120_000 }, () => {
  let web: ConsoleServer;
  before(async () => {
    web = await startConsoleServer();
  });
  after(() => web?.stop());

  async function signedIn(section: string): Promise<Page> {
    const p = await web.newPage(false);
    await submitSignIn(p, web.admin);
    await p.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: section }).click();
    return p;
  }

  test('a TTS template made on the page plays: the preview is audio the browser decodes, seconds long', async () => {
    const p = await signedIn('语音资源');
    await p.getByRole('heading', { name: '语音资源' }).waitFor();
    await p.getByLabel('模板名称').fill('到货通知');
    await p.getByLabel('模板内容').fill('您好,您的快递已到货,请到驿站取件。');
    await p.getByRole('button', { name: '创建模板' }).click();
    const row = p.getByRole('row', { name: /到货通知/ });
    await row.waitFor();
    assert.match(await row.innerText(), /TTS_\d{9}/, 'the row shows the new TtsCode');
    await row.getByRole('button', { name: '试听 到货通知' }).click();

    const audio = p.locator('audio');
    await audio.waitFor();
    const src = await audio.getAttribute('src');
    assert.match(src ?? '', /^blob:/, 'the preview plays from the fetched WAV');
    // The browser's own decoder says how long the clip is: only a real, well-formed WAV gets a duration.
    // (The element's type is spelled out: the test project compiles without the DOM library.)
    type Media = { readyState: number; duration: number; error: { code: number } | null; load(): void; addEventListener(type: string, listener: () => void, options: { once: boolean }): void };
    const seconds = await audio.evaluate((el: Media) => new Promise<number>((resolve, reject) => {
      if (el.readyState >= 1) return resolve(el.duration);
      el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
      el.addEventListener('error', () => reject(new Error(`audio error ${el.error?.code}`)), { once: true });
      el.load();
    }));
    assert.ok(Number.isFinite(seconds) && seconds > 0.5, `a playable clip of speech, got ${seconds} s`);
    assert.match(await p.getByText(/^试听:到货通知/).innerText(), /秒/);
    assert.equal(await p.getByRole('alert').count(), 0, 'no error shown');
    await screenshot(p, 'voice-tts-preview');
    await p.context().close();
  });

  test('a caller number is added and listed; a do-not-call upload names its bad line and imports the rest', async () => {
    const p = await signedIn('号码');
    await p.getByRole('heading', { name: '号码', exact: true }).waitFor();
    await p.getByRole('textbox', { name: '主叫号码' }).fill('057188880001');
    await p.getByRole('button', { name: '添加号码' }).click();
    await p.getByRole('row', { name: /057188880001/ }).waitFor();
    assert.deepEqual(((await waihu('openapi-core V3', defaultTenant(web.server), 'ListCallerNumbers')).List as { PhoneNumber: string }[]).map((n) => n.PhoneNumber), ['057188880001']);

    const file = ['phone,name', '13800000001,张三', '13800000002,李四', 'not-a-number,王五', '', '+8613800000003,赵六'].join('\n');
    await p.getByLabel('导入文件').setInputFiles({ name: 'dnc.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await p.getByRole('button', { name: '上传并导入' }).click();
    const report = p.getByRole('region', { name: '导入结果' });
    await report.waitFor();
    const text = await report.innerText();
    assert.match(text, /第 4 行/, 'the bad line is named by its line in the file');
    assert.match(text, /有效号码 3 个/);
    assert.match(text, /新加入 3 个/);
    assert.match(text, /已跳过表头行/);
    assert.match(await report.getByRole('row', { name: /not-a-number/ }).innerText(), /^4\t/);
    for (const n of ['13800000001', '13800000002', '+8613800000003']) await p.getByRole('row', { name: new RegExp(n.replace('+', '\\+')) }).first().waitFor();
    const listed = await waihu('openapi-core V3', defaultTenant(web.server), 'ListDoNotCallNumbers');
    assert.equal(listed.Total, 3);
    await screenshot(p, 'numbers-dnc-upload');
    await p.context().close();
  });

  test('a receipt URL is saved per type and the delivery log shows its empty state', async () => {
    const p = await signedIn('回执');
    await p.getByRole('heading', { name: '回执', exact: true }).waitFor();
    await p.getByLabel('VoiceReport 的接收方式').selectOption('push');
    await p.getByLabel('VoiceReport 的推送地址').fill('not a url');
    await p.getByRole('button', { name: '保存 VoiceReport' }).click();
    await p.getByText('推送地址须为带主机名的 http:// 或 https:// 地址。').waitFor();
    await p.getByLabel('VoiceReport 的推送地址').fill('https://receiver.example.com/receipts');
    await p.getByRole('button', { name: '保存 VoiceReport' }).click();
    await p.getByRole('row', { name: /VoiceReport/ }).first().getByText('已保存').waitFor();
    await p.getByLabel('LlmSmartCallReport 的接收方式').selectOption('pull');
    await p.getByRole('button', { name: '保存 LlmSmartCallReport' }).click();
    await p.getByRole('row', { name: /LlmSmartCallReport/ }).getByText('已保存').waitFor();
    const config = await waihu('openapi-core V3', defaultTenant(web.server), 'GetReceiptConfig');
    const urls = Object.fromEntries((config.List as { MessageType: string; Url: string }[]).map((s) => [s.MessageType, s.Url]));
    assert.deepEqual(urls, { VoiceReport: 'https://receiver.example.com/receipts', LlmSmartCallReport: 'pull:' });

    await p.getByText('还没有回执消息。设置接收方式后,呼叫结束时会产生消息。').waitFor();
    assert.equal(await p.getByRole('button', { name: '重新推送所选(0)' }).isDisabled(), true);
    const secret = p.getByTestId('receipt-secret');
    assert.match(await secret.innerText(), /^•+.{4}$/, 'the secret starts masked');
    await p.getByRole('button', { name: '显示' }).click();
    const plain = await secret.innerText();
    assert.equal(plain, (await waihu('openapi-core V3', defaultTenant(web.server), 'GetReceiptSecret')).Secret);
    await screenshot(p, 'receipts');
    await p.getByRole('button', { name: '重置密钥' }).click();
    await p.getByRole('dialog', { name: '重置签名密钥?' }).getByRole('button', { name: '重置密钥' }).click();
    await p.getByText('密钥已重置,请更新接收方。').waitFor();
    assert.notEqual((await waihu('openapi-core V3', defaultTenant(web.server), 'GetReceiptSecret')).Secret, plain);
    await p.context().close();
  });
});
