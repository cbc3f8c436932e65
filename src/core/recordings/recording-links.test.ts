import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSigningKey, RecordingLinks } from './recording-links.js';
import { callIdOfRecordingKey, recordingKey } from './call-recording.js';

const T0 = Date.UTC(2026, 10, 26, 3, 0, 0);
const links = new RecordingLinks(linkSigningKey(Buffer.alloc(32, 7)), 'https://calls.example.com/', 3_600_000);
const KEY = recordingKey('1001', '123^456', T0);

function parts(url: string): { path: string; query: URLSearchParams } {
  const parsed = new URL(url);
  return { path: parsed.pathname, query: parsed.searchParams };
}

test('a recording key names the account, the UTC day and the call, with characters keys may not hold replaced', () => {
  assert.equal(KEY, 'recordings/1001/2026-11-26/123-456.wav');
  assert.equal(recordingKey('../x', '.hidden', T0), 'recordings/__x/2026-11-26/_hidden.wav');
  assert.equal(recordingKey('1001', 'a b^c', T0), 'recordings/1001/2026-11-26/a_b-c.wav');
});

test('the call of a key is found again for the platform\'s n^n call ids, and for no other key', () => {
  assert.deepEqual(callIdOfRecordingKey(KEY), { accountId: '1001', callId: '123^456' });
  assert.deepEqual(callIdOfRecordingKey(recordingKey('acc_1', '9^0', T0)), { accountId: 'acc_1', callId: '9^0' });
  assert.equal(callIdOfRecordingKey(recordingKey('1001', 'a b^c', T0)), undefined);
  assert.equal(callIdOfRecordingKey('recordings/1001/2026-11-26/123-456.mp3'), undefined);
  assert.equal(callIdOfRecordingKey('voice-files/1001/2026-11-26/123-456.wav'), undefined);
  assert.equal(callIdOfRecordingKey('recordings/1001/x/2026-11-26/123-456.wav'), undefined);
});

test('a link opens its own recording until it expires, and then is refused as expired', () => {
  const url = links.link(KEY, T0);
  assert.match(url, /^https:\/\/calls\.example\.com\/recordings\/1001\/2026-11-26\/123-456\.wav\?Expires=\d+&Signature=[\w-]+$/);
  const { path, query } = parts(url);
  assert.deepEqual(links.check(path, query, T0 + 3_599_000), { key: KEY });
  assert.deepEqual(links.check(path, query, T0 + 3_601_000), { refused: 'expired' });
});

test('a link altered in any part is refused: another file, a later expiry, a changed signature, another key', () => {
  const { path, query } = parts(links.link(KEY, T0));
  const other = path.replace('1001', '1002');
  assert.deepEqual(links.check(other, query, T0), { refused: 'bad-signature' });
  const later = new URLSearchParams(query);
  later.set('Expires', String(Number(query.get('Expires')) + 3600));
  assert.deepEqual(links.check(path, later, T0), { refused: 'bad-signature' });
  const forged = new URLSearchParams(query);
  forged.set('Signature', `${query.get('Signature')!.slice(0, -1)}A`);
  assert.deepEqual(links.check(path, forged, T0), { refused: 'bad-signature' });
  const elsewhere = new RecordingLinks(linkSigningKey(Buffer.alloc(32, 8)), 'https://calls.example.com', 3_600_000);
  assert.deepEqual(elsewhere.check(path, query, T0), { refused: 'bad-signature' });
});

test('paths outside recordings, without parameters or naming no WAV are malformed', () => {
  const { query } = parts(links.link(KEY, T0));
  assert.deepEqual(links.check('/voice-files/1001/a.wav', query, T0), { refused: 'malformed' });
  assert.deepEqual(links.check('/recordings/1001/../../waihu.db', query, T0), { refused: 'malformed' });
  assert.deepEqual(links.check('/recordings/1001/2026-11-26/123-456.wav', new URLSearchParams(), T0), { refused: 'malformed' });
  assert.deepEqual(links.check('/recordings/1001/2026-11-26/notes.txt', query, T0), { refused: 'malformed' });
});

test('the base URL can be set once the listening address is known', () => {
  const local = new RecordingLinks(linkSigningKey(Buffer.alloc(32, 7)), 'http://127.0.0.1:0', 60_000);
  local.setBaseUrl('http://127.0.0.1:41234/');
  assert.ok(local.link(KEY, T0).startsWith('http://127.0.0.1:41234/recordings/1001/'));
  assert.deepEqual(local.urls({ now: () => T0 }).urlOf({ key: KEY }), local.link(KEY, T0));
});
