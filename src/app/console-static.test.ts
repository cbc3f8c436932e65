import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { addConsoleStatic } from './console-static.js';

function appOver(root: string): Hono {
  const http = new Hono();
  addConsoleStatic(http, root);
  http.get('/console/api/session', (c) => c.json({ api: true }));
  return http;
}

test('the built console is served: files by path, hashed assets cached long, any other path gets index.html', async () => {
  const base = mkdtempSync(path.join(tmpdir(), 'waihu-console-'));
  const root = path.join(base, 'console');
  try {
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>waihu</title>');
    writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(path.join(base, 'secret.txt'), 'outside');
    const http = appOver(root);
    const index = await http.request('/console/');
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    const asset = await http.request('/console/assets/app-1a2b.js');
    assert.equal(await asset.text(), 'console.log(1)');
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.equal(asset.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const route = await http.request('/console/tasks/42');
    assert.match(await route.text(), /<title>waihu<\/title>/, 'an app route reloads into the app');
    const climb = await http.request('/console/..%2Fsecret.txt');
    assert.doesNotMatch(await climb.text(), /outside/, 'nothing outside the directory is served');
    assert.deepEqual(await (await http.request('/console/api/session')).json(), { api: true }, 'the API is left alone');
    assert.equal((await http.request('/console')).status, 301);
    const gzipped = await http.request('/console/assets/app-1a2b.js', { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString(), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log(2)');
    utimesSync(path.join(root, 'assets', 'app-1a2b.js'), new Date(), new Date(Date.now() + 5000));
    assert.equal(await (await http.request('/console/assets/app-1a2b.js')).text(), 'console.log(2)', 'a rebuilt file is read again');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('an unbuilt console answers 503 with the command that builds it', async () => {
  const response = await appOver(path.join(tmpdir(), 'waihu-no-console-here')).request('/console/');
  assert.equal(response.status, 503);
  assert.match(await response.text(), /npm run build:console/);
});
