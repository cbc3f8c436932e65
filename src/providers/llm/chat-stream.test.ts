import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LlmError } from '../../ports/llm.js';
import { ChatStreamAssembler, parseToolArguments, replyFromCompletion } from './chat-stream.js';

const delta = (d: Record<string, unknown>, finish: string | null = null) =>
  JSON.stringify({ choices: [{ index: 0, delta: d, finish_reason: finish }] });

test('text deltas reach onText one by one and add up to the reply text', () => {
  const heard: string[] = [];
  const assembler = new ChatStreamAssembler((d) => heard.push(d));
  assembler.accept(delta({ role: 'assistant', content: '' }));
  assembler.accept(delta({ content: '您好，' }));
  assembler.accept(delta({ content: null, reasoning_content: '想一想' }));
  assembler.accept(delta({ content: '我是客服。' }, 'stop'));
  assembler.accept(JSON.stringify({ choices: [], usage: { total_tokens: 9 } }));
  assembler.accept('[DONE]');
  assert.equal(assembler.finished, true);
  assert.deepEqual(heard, ['您好，', '我是客服。']);
  assert.deepEqual(assembler.reply(), { text: '您好，我是客服。', toolCalls: [], finishReason: 'stop' });
});

test('tool calls are glued together by index, in index order, arguments parsed at the end', () => {
  const assembler = new ChatStreamAssembler();
  const piece = (index: number, fn: Record<string, string>, id?: string) => delta({ tool_calls: [{ index, id, function: fn }] });
  assembler.accept(piece(1, { name: 'set_tag', arguments: '' }, 'call_b'));
  assembler.accept(piece(0, { name: 'hang_up', arguments: '{"rea' }, 'call_a'));
  assembler.accept(piece(1, { arguments: '{"tag":"意向"}' }));
  assembler.accept(piece(0, { arguments: 'son":"客户说' }));
  assembler.accept(delta({ tool_calls: [{ index: 0, function: { arguments: '不需要"}' } }] }, 'tool_calls'));
  assert.deepEqual(assembler.reply(), {
    text: '',
    finishReason: 'tool_calls',
    toolCalls: [
      { id: 'call_a', name: 'hang_up', arguments: { reason: '客户说不需要' } },
      { id: 'call_b', name: 'set_tag', arguments: { tag: '意向' } },
    ],
  });
});

test('tool arguments that are not a JSON object become {}', () => {
  assert.deepEqual(parseToolArguments('{"a":1}'), { a: 1 });
  for (const raw of ['', '  ', '[1,2]', '"text"', 'null', '42', '{"a":', undefined, null]) {
    assert.deepEqual(parseToolArguments(raw), {}, String(raw));
  }
});

test('an unreadable event, an error event or a stream with no event at all is an LlmError', () => {
  const isKind = (kind: string) => (e: unknown) => e instanceof LlmError && e.kind === kind;
  assert.throws(() => new ChatStreamAssembler().accept('{"choices":'), isKind('protocol'));
  assert.throws(() => new ChatStreamAssembler().accept('{"error":{"message":"overloaded"}}'), (e: unknown) =>
    isKind('http')(e) && /overloaded/.test((e as Error).message));
  const empty = new ChatStreamAssembler();
  empty.accept('[DONE]');
  assert.throws(() => empty.reply(), isKind('protocol'));
});

test('a non-streamed completion gives the same reply and speaks its text once', () => {
  const heard: string[] = [];
  const body = JSON.stringify({
    choices: [{ message: { role: 'assistant', content: '好的，再见。', tool_calls: [
      { id: 'c1', type: 'function', function: { name: 'hang_up', arguments: '{"reason":"done"}' } },
      { type: 'function', function: { name: 'set_tag', arguments: { tag: 'A' } } },
    ] }, finish_reason: 'tool_calls' }],
  });
  assert.deepEqual(replyFromCompletion(body, (d) => heard.push(d)), {
    text: '好的，再见。',
    finishReason: 'tool_calls',
    toolCalls: [
      { id: 'c1', name: 'hang_up', arguments: { reason: 'done' } },
      { id: 'call_1', name: 'set_tag', arguments: { tag: 'A' } },
    ],
  });
  assert.deepEqual(heard, ['好的，再见。']);
  assert.throws(() => replyFromCompletion('{"choices":[]}'), (e: unknown) => e instanceof LlmError && e.kind === 'protocol');
});
