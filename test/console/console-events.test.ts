/**
 * The Overview's live stream over a real listener: GET /console/api/events needs a session, sends waihu
 * GetCallStatistics for the session's account as `event: stats` every two seconds, reports a refused window once as
 * `event: failure` and stops, and ends with `event: signedout` once the session is signed out.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { consoleAdmin, startServerWithAdmin, type ConsoleAdmin } from './console-kit.js';

let server: TestServer;
let admin: ConsoleAdmin;
before(async () => {
  ({ server, admin } = await startServerWithAdmin());
});
after(() => server.stop());

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${server.url}/console/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

interface ServerEvent {
  event: string;
  id?: string;
  data: string;
  receivedAt: number;
}

/** Reads a text/event-stream response event by event. */
async function* events(res: Response): AsyncGenerator<ServerEvent> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ServerEvent = { event: 'message', data: '', receivedAt: Date.now() };
      for (const line of block.split('\n')) {
        const [field, ...rest] = line.split(': ');
        const text = rest.join(': ');
        if (field === 'event') event.event = text;
        else if (field === 'id') event.id = text;
        else if (field === 'data') event.data += text;
      }
      yield event;
    }
  }
}

/** The next `count` events of the stream. */
async function take(stream: AsyncGenerator<ServerEvent>, count: number): Promise<ServerEvent[]> {
  // next() rather than for-await: breaking out of a for-await loop would close the generator for later reads.
  const got: ServerEvent[] = [];
  while (got.length < count) {
    const next = await stream.next();
    if (next.done) break;
    got.push(next.value);
  }
  return got;
}

test('without a session the stream is refused with 401 Console.NotSignedIn', async () => {
  const res = await fetch(`${server.url}/console/api/events`);
  assert.equal(res.status, 401);
  assert.equal(((await res.json()) as { Code: string }).Code, 'Console.NotSignedIn');
});

test("a signed-in browser gets the account's statistics as `stats` events, one every two seconds", async () => {
  const { cookie } = await signIn();
  const abort = new AbortController();
  const res = await fetch(`${server.url}/console/api/events?Minutes=5&BucketSeconds=60`, { headers: { cookie }, signal: abort.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const [first, second] = await take(events(res), 2);
  abort.abort();
  for (const [i, event] of [first!, second!].entries()) {
    assert.equal(event.event, 'stats');
    assert.equal(event.id, String(i + 1));
    const body = JSON.parse(event.data) as { Code: string; RequestId: string; Data: { InProgress: number; Calls: number; Buckets: unknown[]; BucketSeconds: number } };
    assert.equal(body.Code, 'OK');
    assert.ok(body.RequestId);
    assert.deepEqual([body.Data.InProgress, body.Data.Calls, body.Data.Buckets.length, body.Data.BucketSeconds], [0, 0, 5, 60]);
  }
  const gap = second!.receivedAt - first!.receivedAt;
  assert.ok(gap >= 1500 && gap < 4000, `events ${gap} ms apart`);
});

test('a window the action refuses comes once as `failure`, and the stream ends', async () => {
  const { cookie } = await signIn();
  const res = await fetch(`${server.url}/console/api/events?Minutes=0`, { headers: { cookie } });
  const all: ServerEvent[] = [];
  for await (const event of events(res)) all.push(event);
  assert.equal(all.length, 1);
  assert.equal(all[0]!.event, 'failure');
  assert.equal((JSON.parse(all[0]!.data) as { Code: string }).Code, 'InvalidParameter');
});

test('signing out ends the stream with `signedout`', async () => {
  const { cookie, csrf } = await signIn();
  const res = await fetch(`${server.url}/console/api/events`, { headers: { cookie } });
  const stream = events(res);
  assert.equal((await take(stream, 1))[0]!.event, 'stats');
  const out = await fetch(`${server.url}/console/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
  assert.equal(out.status, 204);
  const rest: ServerEvent[] = [];
  for await (const event of stream) rest.push(event);
  assert.deepEqual(rest.map((e) => e.event), ['signedout']);
});

test('stopping the server ends an open stream at once instead of waiting out the shutdown timeout', async () => {
  const own = await startTestServer({ config: { shutdownTimeoutMs: 10_000 } });
  const login = await fetch(`${own.url}/console/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(consoleAdmin(own)),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const stream = events(await fetch(`${own.url}/console/api/events`, { headers: { cookie } }));
  assert.equal((await take(stream, 1))[0]!.event, 'stats');
  const started = Date.now();
  await own.stop();
  assert.ok(Date.now() - started < 5000, `stopped in ${Date.now() - started} ms`);
  assert.deepEqual(await take(stream, 5), [], 'the stream ended');
});
