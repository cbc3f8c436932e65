/**
 * The post-call analysis by a chat model: the transcript goes to the model with the agent's main purpose and output
 * tags (their allowed values), and the model answers one JSON object. Its answer is held to those definitions: an
 * intent or ENUM value that is not allowed, or a tag name the agent does not define, is dropped. What the flow decided
 * during the call (its intent, its tags) stands; the model fills in what is missing. An answer that is not the JSON
 * asked for, or a failed request, gives the rule-based analysis instead.
 */
import { z } from 'zod';
import type { AgentProfile, EnumValue } from '../agents/agent-profile.js';
import type { Llm, LlmMessage } from '../../ports/llm.js';
import { analyzeByRules, answeredTurnCount, type CallEnding } from './call-analysis-rules.js';
import { tagOf } from './call-analysis-tags.js';
import type { CallAnalysis, CallTag, DialogTurn, FlowReport } from './dialog.js';

const answerSchema = z.object({
  summary: z.string().trim().min(1),
  majorIntent: z.string().nullish(),
  tags: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number(), z.boolean()]).transform(String) })).nullish(),
});

/** The model's answer, as asked for. */
type Answer = z.infer<typeof answerSchema>;

function values(list: readonly EnumValue[]): string {
  return list.map((v) => (v.description ? `${v.value}（${v.description}）` : v.value)).join('、');
}

function definitions(agent: AgentProfile | undefined): string[] {
  const lines: string[] = [];
  const purpose = agent?.mainPurpose;
  if (purpose) lines.push(`majorIntent 是“${purpose.name}”${purpose.description ? `（${purpose.description}）` : ''}，只能取：${values(purpose.values)}。`);
  else lines.push('majorIntent 填 null。');
  const tags = agent?.outputTags ?? [];
  if (tags.length === 0) lines.push('tags 填空数组。');
  else {
    lines.push('tags 只能使用以下标签，确实了解到才填写：');
    for (const t of tags) lines.push(`- ${t.name}${t.description ? `：${t.description}` : ''}；${t.type === 'ENUM' ? `只能取 ${values(t.values)}` : '填简短文字'}`);
  }
  return lines;
}

function transcript(turns: readonly DialogTurn[], ending: CallEnding): string {
  const lines = turns.map((t) => {
    if (t.role === 'assistant') return `坐席：${t.content}`;
    if (t.dtmf !== undefined) return `客户按键：${t.dtmf}`;
    return `客户：${t.interrupted ? '（打断）' : ''}${t.content}`;
  });
  const by = ending.transferredTo ? '已转人工' : { callee: '客户挂断', robot: '坐席挂断', system: '系统挂断' }[ending.hangupBy];
  lines.push(`（通话结束：${by}，时长 ${Math.round(ending.durationMs / 1000)} 秒）`);
  return lines.join('\n');
}

/** The request of the analysis: instructions with the agent's definitions, then the transcript. */
export function analysisMessages(report: FlowReport, ending: CallEnding, agent?: AgentProfile): LlmMessage[] {
  const system = [
    '你是外呼通话的质检分析员。阅读通话记录，只输出一个 JSON 对象，不要输出任何其他文字。',
    '格式：{"summary": "……", "majorIntent": "……", "tags": [{"name": "……", "value": "……"}]}',
    'summary 用中文，不超过 100 字，写清我方介绍了什么、客户如何回应、通话如何结束。',
    ...definitions(agent),
  ].join('\n');
  return [{ role: 'system', content: system }, { role: 'user', content: transcript(report.turns, ending) }];
}

/** The JSON object in a model's answer (code fences and text around it tolerated), or undefined. */
export function parseAnalysisAnswer(text: string): Answer | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    const parsed = answerSchema.safeParse(JSON.parse(text.slice(start, end + 1)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The model's tags that the agent defines with an allowed value, skipping names the flow already set. */
function allowedTags(answer: Answer, report: FlowReport, agent: AgentProfile | undefined): CallTag[] {
  const tags = new Map<string, CallTag>();
  for (const { name, value } of answer.tags ?? []) {
    const definition = agent?.outputTags.find((d) => d.name === name.trim());
    const v = value.trim();
    if (!definition || v === '' || report.tags.some((t) => t.name === definition.name)) continue;
    if (definition.type === 'ENUM' && !definition.values.some((e) => e.value === v)) continue;
    tags.set(definition.name, tagOf(definition, v));
  }
  return [...report.tags, ...tags.values()];
}

/** Hooks of the model analysis. */
export interface LlmAnalysisOptions {
  /** Told why the rules were used instead: the request failed (the error) or the answer was unusable (its text). */
  onFallback?: (why: unknown) => void;
}

/** The analysis by `llm`; the rule-based one when the model fails or does not answer the JSON asked for. */
export async function analyzeWithLlm(
  report: FlowReport,
  ending: CallEnding,
  llm: Llm,
  agent?: AgentProfile,
  options: LlmAnalysisOptions = {},
): Promise<CallAnalysis> {
  const rules = analyzeByRules(report, ending, agent);
  let answer: Answer | undefined;
  try {
    const reply = await llm.complete({ messages: analysisMessages(report, ending, agent), temperature: 0, maxTokens: 800 });
    answer = parseAnalysisAnswer(reply.text);
    if (!answer) options.onFallback?.(`unusable analysis answer: ${reply.text.slice(0, 200)}`);
  } catch (error) {
    options.onFallback?.(error);
    return rules;
  }
  if (!answer) return rules;
  const modelIntent = answer.majorIntent?.trim();
  const validIntent = agent?.mainPurpose?.values.some((v) => v.value === modelIntent) ? modelIntent : undefined;
  const majorIntent = report.majorIntent ?? validIntent ?? rules.majorIntent;
  return {
    summary: answer.summary,
    ...(majorIntent !== undefined ? { majorIntent } : {}),
    tags: allowedTags(answer, report, agent),
    turnCount: answeredTurnCount(report.turns),
    analyzedBy: 'llm',
  };
}
