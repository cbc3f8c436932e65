import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseDecoder } from './sse-events.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Feeds the stream cut at the given byte offsets and returns every event's data. */
function decode(stream: Uint8Array, cuts: number[]): string[] {
  const decoder = new SseDecoder();
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts, stream.length]) {
    out.push(...decoder.push(stream.subarray(from, cut)));
    from = cut;
  }
  return [...out, ...decoder.end()];
}

const STREAM = ': keep-alive\r\n\r\ndata: {"t":"您好，"}\r\n\r\nevent: x\nid: 7\ndata:{"t":"请问"}\n\ndata: a\ndata: b\r\rdata: [DONE]\n\n';
const EXPECTED = ['{"t":"您好，"}', '{"t":"请问"}', 'a\nb', '[DONE]'];

test('events come out whole whatever byte the stream is cut at, Chinese characters included', () => {
  const stream = bytes(STREAM);
  assert.deepEqual(decode(stream, []), EXPECTED);
  for (let cut = 1; cut < stream.length; cut++) {
    assert.deepEqual(decode(stream, [cut]), EXPECTED, `cut at byte ${cut}`);
  }
  const everyByte = Array.from({ length: stream.length - 1 }, (_, i) => i + 1);
  assert.deepEqual(decode(stream, everyByte), EXPECTED);
});

test('a CR at the end of one chunk and its LF at the start of the next end one line, not an event', () => {
  const stream = bytes('data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n');
  assert.deepEqual(decode(stream, [8, 18]), ['a\nb', 'c']);
});

test('comments and empty lines alone make no event; a last event without its blank line still counts', () => {
  assert.deepEqual(decode(bytes(':ping\n\n\n:ping\n\n'), []), []);
  assert.deepEqual(decode(bytes('data: [DONE]'), []), ['[DONE]']);
});
