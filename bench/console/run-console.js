// The console's first load (issue 7), in Debian Chromium driven by playwright-core, on loopback: BENCH_CONSOLE_LOADS
// (default 5) cold loads of /console/ from a waihu server (fresh browser context each: nothing cached), each timed from
// navigation start to the sign-in form being usable (its name field attached and enabled: the app has booted, asked
// for the session and rendered; observed in the page), with the JavaScript transferred (gzip, as served) and the
// whole transfer.
// Reference, measured the same way in the same run: a plain HTML page with the same form and no script, served by
// node:http from memory (what a page costs that needs no app at all). Target: at most 300 KB of JavaScript, gzipped.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startChild } from '../lib/child.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const TARGET_JS_BYTES = 300 * 1024;
const FORM = '<form><label for="u">用户名</label><input id="u" name="username"><label for="p">密码</label><input id="p" type="password"><button>登录</button></form>';

/** A page with the sign-in form and nothing else. */
async function startBarePage() {
  const html = Buffer.from(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>waihu</title></head><body>${FORM}</body></html>`);
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': html.length }).end(html));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** One cold load: time to a usable sign-in form, and bytes transferred by kind. */
async function coldLoad(browser, url) {
  const context = await browser.newContext();
  // The moment the name field is usable is taken in the page itself (a mutation observer installed before any of the
  // page's code), so the test driver's own polling does not count.
  await context.addInitScript(() => {
    const check = () => {
      const input = document.querySelector('input[name="username"]');
      if (input instanceof HTMLInputElement && !input.disabled && window.__usableAt === undefined) window.__usableAt = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const page = await context.newPage();
  try {
    await page.goto(url);
    const name = page.getByLabel('用户名');
    await name.waitFor();
    // Usable: attached, visible and enabled (the app may render it disabled while it checks the session).
    await page.waitForFunction(() => {
      const input = document.querySelector('input[name="username"]');
      return input instanceof HTMLInputElement && !input.disabled;
    });
    return await page.evaluate(() => {
      const ready = window.__usableAt;
      const [nav] = performance.getEntriesByType('navigation');
      const resources = performance.getEntriesByType('resource');
      const js = resources.filter((r) => /\.m?js(\?|$)/.test(r.name));
      const sum = (list, field) => list.reduce((total, r) => total + (r[field] || 0), 0);
      return {
        readyMs: ready,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        jsEncodedBytes: sum(js, 'encodedBodySize'),
        jsDecodedBytes: sum(js, 'decodedBodySize'),
        jsFiles: js.length,
        totalEncodedBytes: sum(resources, 'encodedBodySize') + (nav.encodedBodySize || 0),
        requests: resources.length + 1,
      };
    });
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the bench; `loads` cold loads of each page, alternating. */
export async function runConsoleBench({ loads }) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt install chromium fonts-wqy-microhei`);
  if (!existsSync(path.join(here, '../../dist/console/index.html'))) throw new Error('the console is not built: npm run build:console');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'waihu-bench-console-'));
  const waihu = startChild(path.join(here, 'server.js'), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, BENCH_WAIHU_DATA_DIR: dataDir } });
  const bare = await startBarePage();
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const ready = await waihu.ready;
    const consoleUrl = `http://127.0.0.1:${ready.port}/console/`;
    // One warm-up load of each: the server's first reads and compression, Chromium's first start of a renderer.
    await coldLoad(browser, consoleUrl);
    await coldLoad(browser, bare.url);
    const runs = { console: [], bare: [] };
    for (let i = 0; i < loads; i++) {
      runs.console.push(await coldLoad(browser, consoleUrl));
      runs.bare.push(await coldLoad(browser, bare.url));
    }
    const summary = (list) => ({
      readyMs: median(list.map((r) => r.readyMs)),
      domContentLoadedMs: median(list.map((r) => r.domContentLoadedMs)),
      jsEncodedBytes: list[0].jsEncodedBytes, jsDecodedBytes: list[0].jsDecodedBytes, jsFiles: list[0].jsFiles,
      totalEncodedBytes: list[0].totalEncodedBytes, requests: list[0].requests,
      readyMsAll: list.map((r) => Math.round(r.readyMs * 10) / 10),
    });
    return { loads, console: summary(runs.console), bare: summary(runs.bare) };
  } finally {
    await browser.close();
    await bare.stop();
    await waihu.request('stop').catch(() => {});
    await waihu.exit;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The report lines. */
export function formatConsole(r) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const c = r.console;
  const b = r.bare;
  const verdict = c.jsEncodedBytes <= TARGET_JS_BYTES ? 'PASS' : 'FAIL';
  return [
    `console first load: ${r.loads} cold loads each in headless Debian Chromium on loopback (median), waihu /console/ vs a plain HTML sign-in form (no script)`,
    `  time to a usable sign-in form: ${c.readyMs.toFixed(1)} ms   reference ${b.readyMs.toFixed(1)} ms   (${(c.readyMs / b.readyMs).toFixed(1)}x; runs ${c.readyMsAll.join(', ')} ms)`,
    `  DOMContentLoaded: ${c.domContentLoadedMs.toFixed(1)} ms   reference ${b.domContentLoadedMs.toFixed(1)} ms`,
    `  JavaScript: ${kb(c.jsEncodedBytes)} transferred (gzip) in ${c.jsFiles} file(s), ${kb(c.jsDecodedBytes)} uncompressed   reference 0 KB`,
    `  everything transferred: ${kb(c.totalEncodedBytes)} in ${c.requests} requests   reference ${kb(b.totalEncodedBytes)} in ${b.requests}`,
    `target JavaScript on first load <= 300 KB gzipped: ${verdict} (${kb(c.jsEncodedBytes)})`,
  ];
}
