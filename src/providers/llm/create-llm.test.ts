import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/config.js';
import { createLlm } from './create-llm.js';

const cwd = () => mkdtempSync(path.join(tmpdir(), 'waihu-llm-'));

test('no base URL configured: no model, so agents stay on their script engines', () => {
  assert.equal(createLlm(loadConfig({ WAIHU_LLM_API_KEY: 'sk-x' }, cwd())), undefined);
});

test('a base URL gives the OpenAI-compatible model, described without its key', () => {
  const config = loadConfig(
    { WAIHU_LLM_BASE_URL: 'https://dashscope.aliyuncs.com/compatible-mode/v1/', WAIHU_LLM_API_KEY: 'sk-hidden-42' },
    cwd(),
  );
  const llm = createLlm(config);
  assert.equal(llm?.description, 'openai-compatible qwen-plus at https://dashscope.aliyuncs.com/compatible-mode/v1');
});

test('the adapter refuses a base URL that carries credentials', () => {
  assert.throws(() => createLlm({ llmBaseUrl: 'http://me:pw@127.0.0.1:8000/v1', llmModel: 'm', llmTimeoutMs: 1000, llmMaxRetries: 0 }), /apiKey/);
});
