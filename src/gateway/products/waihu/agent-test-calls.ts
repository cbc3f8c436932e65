/**
 * Test calls by text as waihu actions (docs/agents.md, "Trying an agent by text"): StartAgentTestCall,
 * SendAgentTestInput and EndAgentTestCall. Each answer holds what the bot said until it listened again, and once the
 * call has ended, how it ended and its analysis.
 */
import type { AgentTestCalls, TestCallTarget, TestCallView } from '../../../core/agents/test-calls.js';
import type { TesterInput } from '../../../core/agents/text-call-session.js';
import { DomainError } from '../../../core/errors.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const TEST_QPS = { perUser: 20, api: 200 };
const MAX_TEXT = 500;
const id = (name: string, description: string): ParamSpec => ({ name, type: 'String', required: false, maxLength: 64, lengthUnit: 'chars', description });
const testCallId: ParamSpec = { name: 'TestCallId', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The test call, as StartAgentTestCall returned it.' };

const startParams: ParamSpec[] = [
  id('AgentId', 'An AI voice agent to try (its published version).'),
  id('ApplicationCode', 'An LLM application to try.'),
  id('DialogId', 'A robot to try.'),
  { name: 'Variables', type: 'Object', required: false, shrink: 'json', description: 'The callee\'s variables, e.g. {"name":"张三"}: placeholders of the start word, prompt or script.' },
];
const inputParams: ParamSpec[] = [
  testCallId,
  { name: 'Text', type: 'String', required: false, maxLength: MAX_TEXT, lengthUnit: 'chars', description: 'What the callee says.' },
  { name: 'Dtmf', type: 'String', required: false, maxLength: 32, lengthUnit: 'chars', description: 'Keys the callee presses: 0-9, * and #.' },
  { name: 'Silence', type: 'Boolean', required: false, description: 'true: the callee says nothing (the bot\'s no-input handling).' },
];

/** The one target named; InvalidParameter when none or several are. */
function targetOf(p: Record<string, unknown>): TestCallTarget {
  const given = (['AgentId', 'ApplicationCode', 'DialogId'] as const).filter((name) => typeof p[name] === 'string' && p[name].trim() !== '');
  if (given.length !== 1) {
    throw new DomainError('InvalidArgument', `name exactly one of AgentId, ApplicationCode or DialogId (got ${given.length === 0 ? 'none' : given.join(' and ')}).`, given[1] ?? 'AgentId');
  }
  const value = (p[given[0]!] as string).trim();
  if (given[0] === 'AgentId') return { kind: 'agent', agentId: value };
  if (given[0] === 'ApplicationCode') return { kind: 'application', code: value };
  return { kind: 'robot', dialogId: value };
}

/** The variables as text values; InvalidParameter naming Variables when they are not a JSON object. */
function variablesOf(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new DomainError('InvalidArgument', 'Variables must be a JSON object of names to values.', 'Variables');
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return out;
}

/** Exactly one of Text, Dtmf or Silence=true. */
function inputOf(p: Record<string, unknown>): TesterInput {
  const text = typeof p.Text === 'string' ? p.Text.trim() : '';
  const dtmf = typeof p.Dtmf === 'string' ? p.Dtmf.trim() : '';
  const silence = p.Silence === true;
  const count = [text !== '', dtmf !== '', silence].filter(Boolean).length;
  if (count !== 1) throw new DomainError('InvalidArgument', 'send exactly one of Text, Dtmf or Silence=true.', text === '' && dtmf === '' ? 'Text' : 'Dtmf');
  if (dtmf !== '' && !/^[0-9*#]+$/.test(dtmf)) throw new DomainError('InvalidArgument', 'Dtmf takes the keys 0-9, * and # only.', 'Dtmf');
  if (text !== '') return { text };
  return dtmf !== '' ? { dtmf } : { silence: true };
}

/** A test call as the actions answer it. */
function view(v: TestCallView): Record<string, unknown> {
  return {
    TestCallId: v.id,
    Messages: v.messages.map((text) => ({ Role: 'assistant', Text: text })),
    Ended: v.ended,
    ...(v.endedBy !== undefined ? { EndedBy: v.endedBy } : {}),
    ...(v.transferredTo !== undefined ? { TransferredTo: v.transferredTo } : {}),
    ...(v.analysis
      ? {
          Analysis: {
            MajorIntent: v.analysis.majorIntent ?? '',
            Tags: v.analysis.tags.map((t) => ({ Name: t.name, Value: t.value })),
            Summary: v.analysis.summary,
            TurnCount: v.analysis.turnCount,
            AnalyzedBy: v.analysis.analyzedBy,
          },
        }
      : {}),
  };
}

/** StartAgentTestCall, SendAgentTestInput and EndAgentTestCall. */
export function agentTestCallActions(calls: AgentTestCalls): ActionHandler[] {
  return [
    {
      spec: waihuAction('StartAgentTestCall', 'Starts a text conversation with an agent, application or robot; Data holds what it said before it first listened.', startParams, TEST_QPS),
      handle: async (ctx, p) => ok(view(await calls.start(ctx.accountId, targetOf(p), variablesOf(p.Variables)))),
    },
    {
      spec: waihuAction('SendAgentTestInput', "Sends the callee's words, keys or silence; Data holds the bot's answer, and the analysis once the call has ended.", inputParams, TEST_QPS),
      handle: async (ctx, p) => ok(view(await calls.send(ctx.accountId, p.TestCallId as string, inputOf(p)))),
    },
    {
      spec: waihuAction('EndAgentTestCall', 'Hangs up a test call as the callee; Data holds its analysis.', [testCallId], TEST_QPS),
      handle: async (ctx, p) => ok(view(await calls.end(ctx.accountId, p.TestCallId as string))),
    },
  ];
}
