// Streamed model text is cut into sentences as soon as each is complete, so speech can start early.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentenceBuffer, speakable } from './sentence-buffer.js';

test('a sentence is handed out the moment its end mark arrives; the rest waits for more text', () => {
  const buffer = new SentenceBuffer();
  assert.deepEqual(buffer.push('您好，这款'), []);
  assert.deepEqual(buffer.push('产品很好。每月'), ['您好，这款产品很好。']);
  assert.deepEqual(buffer.push('十元！您看？'), ['每月十元！', '您看？']);
  assert.equal(buffer.flush(), '');
});

test('marks that trail into the next piece are dropped, not spoken alone; "……" waits for its second half', () => {
  const buffer = new SentenceBuffer();
  assert.deepEqual(buffer.push('真的吗？'), ['真的吗？']);
  assert.deepEqual(buffer.push('！”好的'), []);
  assert.deepEqual(buffer.push('…'), []);
  assert.deepEqual(buffer.push('…那'), ['好的……']);
  assert.equal(buffer.flush(), '那');
});

test('a Western full stop ends a sentence only before a space, so numbers stay whole', () => {
  const buffer = new SentenceBuffer();
  assert.deepEqual(buffer.push('利率3.5'), []);
  assert.deepEqual(buffer.push('%. Next'), ['利率3.5%.']);
  assert.equal(buffer.flush(), 'Next');
});

test('markup a model may write is not spoken', () => {
  assert.equal(speakable('**重点**：\n# 每月 `十元`'), '重点： 每月 十元');
  assert.deepEqual(new SentenceBuffer().push('**好的。**\n'), ['好的。']);
});
