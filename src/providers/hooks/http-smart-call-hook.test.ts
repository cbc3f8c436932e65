// The HTTP SmartCall hook against real local servers: the wire (query + body), the deadline, the one retry, and how
// each kind of failure is named.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { systemClock } from '../../ports/clock.js';
import type { SmartCallEvent } from '../../ports/smart-call-hook.js';
import { HttpSmartCallHook } from './http-smart-call-hook.js';
import type { SmartCallBodyEncoding } from './smart-call-wire.js';

interface Seen {
  url: string;
  type: string | undefined;
  body: string;
}

/** A server whose handler sees each request's URL, Content-Type and body. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse, seen: Seen, index: number) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry = { url: req.url ?? '', type: req.headers['content-type'], body };
      seen.push(entry);
      handle(req, res, entry, seen.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb?k=v`;
  const close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return { url, seen, close };
}

const EVENT: SmartCallEvent = {
  callId: '116012854210^102814279',
  timestamp: 1772413200000,
  contentType: 'normal',
  content: { words: '你好 & =', is_playing: false, dynamic_id: 'd 1' },
  dynamicId: 'd 1',
};

const OK = JSON.stringify({ result: 'success', data: { action: 'donothing' } });
const answer = (status: number, body: string) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status);
  res.end(body);
};
const hookFor = (url: string, extra: { timeoutMs?: number; bodyEncoding?: SmartCallBodyEncoding } = {}) => new HttpSmartCallHook({ url, clock: systemClock, ...extra });

test('every field goes in the query string; the JSON body repeats them with content as an object', async () => {
  const server = await serve(answer(200, `\uFEFF${OK}`));
  try {
    assert.deepEqual(await hookFor(server.url).send(EVENT), { ok: true, body: JSON.parse(OK) });
    const [seen] = server.seen;
    const query = new URL(seen!.url, 'http://x').searchParams;
    assert.deepEqual([...query], [
      ['k', 'v'], ['call_id', EVENT.callId], ['timestamp', '1772413200000'], ['content_type', 'normal'],
      ['content', '{"words":"你好 & =","is_playing":false,"dynamic_id":"d 1"}'], ['dynamic_id', 'd 1'],
    ]);
    assert.equal(seen!.type, 'application/json; charset=UTF-8');
    assert.deepEqual(JSON.parse(seen!.body), {
      call_id: EVENT.callId, timestamp: 1772413200000, content_type: 'normal', content: EVENT.content, dynamic_id: 'd 1',
    });
  } finally {
    await server.close();
  }
});

test('form encoding repeats the query fields in the body; none sends no body', async () => {
  const server = await serve(answer(200, OK));
  try {
    await hookFor(server.url, { bodyEncoding: 'form' }).send(EVENT);
    await hookFor(server.url, { bodyEncoding: 'none' }).send(EVENT);
    const [form, none] = server.seen;
    assert.equal(form!.type, 'application/x-www-form-urlencoded; charset=UTF-8');
    const query = new URL(form!.url, 'http://x').searchParams;
    query.delete('k');
    assert.deepEqual([...new URLSearchParams(form!.body)], [...query]);
    assert.deepEqual([none!.type, none!.body], [undefined, '']);
  } finally {
    await server.close();
  }
});

test('a connection dropped before any answer is retried once; a second drop is "unreachable"', async () => {
  const flaky = await serve((req, res, _seen, index) => (index === 0 ? req.socket.destroy() : answer(200, OK)(req, res)));
  const dead = await serve((req) => req.socket.destroy());
  try {
    assert.deepEqual(await hookFor(flaky.url).send(EVENT), { ok: true, body: JSON.parse(OK) });
    assert.equal(flaky.seen.length, 2);
    const failed = await hookFor(dead.url).send(EVENT);
    assert.equal(dead.seen.length, 2, 'one retry, no more');
    assert.deepEqual([failed.ok, !failed.ok && failed.failure], [false, 'unreachable']);
  } finally {
    await flaky.close();
    await dead.close();
  }
});

test('no answer within the deadline is a timeout, not retried', async () => {
  const slow = await serve((req, res) => setTimeout(() => answer(200, OK)(req, res), 500));
  try {
    const failed = await hookFor(slow.url, { timeoutMs: 50 }).send(EVENT);
    assert.deepEqual(failed, { ok: false, failure: 'timeout', detail: 'no answer within 50 ms' });
    assert.equal(slow.seen.length, 1);
  } finally {
    await slow.close();
  }
});

test("the caller's abort ends the wait as 'aborted'", async () => {
  const slow = await serve((req, res) => setTimeout(() => answer(200, OK)(req, res), 500));
  try {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 20);
    const failed = await hookFor(slow.url).send(EVENT, abort.signal);
    assert.deepEqual([failed.ok, !failed.ok && failed.failure], [false, 'aborted']);
  } finally {
    await slow.close();
  }
});

test('non-2xx statuses (redirects included) and unreadable bodies are named, and not retried', async () => {
  const cases: [number, string, string, string][] = [
    [500, 'boom', 'http-status', 'HTTP 500: boom'],
    [302, '', 'http-status', 'HTTP 302'],
    [200, 'OK', 'unreadable', 'not JSON: OK'],
    [200, '  ', 'unreadable', 'empty body'],
  ];
  for (const [status, body, failure, detail] of cases) {
    const server = await serve((_req, res) => {
      res.writeHead(status, status === 302 ? { location: '/elsewhere' } : {});
      res.end(body);
    });
    try {
      assert.deepEqual(await hookFor(server.url).send(EVENT), { ok: false, failure, detail });
      assert.equal(server.seen.length, 1);
    } finally {
      await server.close();
    }
  }
});

test('only http and https URLs, and a positive timeout, are accepted', () => {
  assert.throws(() => hookFor('ftp://example.com/cb'), /http or https/);
  assert.throws(() => hookFor('http://example.com/cb', { timeoutMs: 0 }), /timeout/);
});
