/**
 * A waihu server with a chat model configured (an OpenAI-compatible endpoint run by the test): an LlmSmartCall is
 * talked through by the model — the agent's words are the model's, its hang_up tool ends the call — the simulated
 * callee is played by the model too, and the post-call analysis is the model's JSON answer, all through the real
 * HTTP client code. The endpoint tells the three kinds of request apart by their instructions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate } from '../../src/core/local-time.js';
import { answerWith, openAiEndpoint, type ScriptedAnswer } from '../../src/flows/agent/openai-test-server.js';
import { WAIHU } from '../support/sdk-clients.js';
import { startTestServer } from '../support/conformance-server.js';
import { defaultTenant, shrink, via } from '../conformance/aiccs-kit.js';

const AGENT_LINE = '好的，您的问题我已经记录下来，稍后专员会联系您，再见。';
const ANALYSIS = { summary: '客户同意由专员回电', majorIntent: 'A', tags: [] };

/** Answers the agent (it offers tools), the analysis (asks for JSON) and the simulated callee (everything else). */
const dispatch: ScriptedAnswer = (res, request) => {
  const system = String(request.body.messages[0]?.content ?? '');
  if (request.body.tools?.length) return answerWith([AGENT_LINE.slice(0, 9), AGENT_LINE.slice(9)], [{ name: 'hang_up', arguments: { reason: '已记录' } }])(res, request);
  if (system.includes('JSON')) return answerWith([JSON.stringify(ANALYSIS)])(res, request);
  return answerWith(['好的，我想咨询一下账单。'])(res, request);
};

test('with a chat model configured, the agent, the simulated callee and the analysis are the model', async (t) => {
  const { baseUrl, seen } = await openAiEndpoint(t, Array.from({ length: 50 }, () => dispatch));
  const server = await startTestServer({ config: { simTimeScale: 0.01, llmBaseUrl: baseUrl, llmModel: 'test-model', llmTimeoutMs: 3000 } });
  t.after(() => server.stop());
  assert.match(server.app.calls.llm?.description ?? '', /test-model/);
  const tenant = defaultTenant(server);
  const created = await tenant.core.call({ version: WAIHU, action: 'CreateLlmApplication', params: shrink({ Name: '客服', Prompt: '你是客服。', StartWord: '您好，请问有什么可以帮您？' }) });
  const body = await via('openapi-core V3', tenant, 'LlmSmartCall', { CalledNumber: '13800000015', CallerNumber: '057100000001', ApplicationCode: String(created.body.Data) });
  const callId = String(body.CallId);
  let dialog: { CallStatus: number; DialogContent: string } | undefined;
  for (let i = 0; i < 200 && dialog?.CallStatus !== 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    dialog = (await via('openapi-core V3', tenant, 'GetCallDialogContent', { CallId: callId, CallDate: formatDate(Date.now(), 'Asia/Shanghai') })).Data as typeof dialog;
  }
  const turns = JSON.parse(String(dialog?.DialogContent)) as { role: string; content: string }[];
  // The model-played callee may answer again while the agent's line plays (a barge-in on the real clock), so only the
  // opening exchange is fixed: the start word, the callee's line, then the agent's line from the model.
  assert.deepEqual(turns.slice(0, 3).map((turn) => turn.role), ['assistant', 'user', 'assistant']);
  assert.equal(turns[1]?.content.replace('<客户打断>', ''), '好的，我想咨询一下账单。', "the callee's words are the model's");
  const agentSaid = turns.slice(2).filter((turn) => turn.role === 'assistant').map((turn) => turn.content).join('');
  assert.ok(agentSaid.includes('稍后专员会联系您'), `the agent's words are the model's: ${agentSaid}`);
  const detail = (await tenant.core.call({ version: '2025-11-27', action: 'QueryOutboundCallDetail', params: { CallId: callId } })).body.Data as Record<string, unknown>;
  assert.equal(detail.Summary, ANALYSIS.summary, "the summary is the model's analysis");
  assert.ok(seen.every((request) => request.body.model === 'test-model'));
});
