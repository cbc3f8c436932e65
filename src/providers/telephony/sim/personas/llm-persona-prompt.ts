/**
 * The words exchanged with a model playing a persona: the system prompt that casts it, how a cue is put to it,
 * and how its answer is read back. Models add quotes, stage directions and second sentences; the reader keeps
 * one short utterance so the simulated call stays a phone call.
 */
import type { CalleeAction, CalleeCue } from '../sim-callee.js';
import type { Persona } from './persona-format.js';

/** Longest utterance taken from a model, in characters: a callee's turn, not a speech. */
export const LLM_UTTERANCE_MAX = 40;

/** What the model asked the callee to do. */
export type LlmCalleeMove =
  | { kind: 'say'; text: string; thenHangUp: boolean }
  | { kind: 'dtmf'; digits: string }
  | { kind: 'hangup' }
  | { kind: 'silence' };

/** The system prompt casting the model as `persona`, with a few of its typical lines as a guide to its voice. */
export function systemPrompt(persona: Persona): string {
  const lines = typicalLines(persona).slice(0, 8);
  return [
    '你在扮演一个刚接起外呼电话的普通人，打来的是自动外呼机器人或客服。',
    `你的人物：${persona.description || persona.name}`,
    ...(lines.length ? [`你常说的话：${lines.join('、')}`] : []),
    '规则：',
    '- 每次只回复一句简短的口语（不超过20个字），不要解释，不要加引号、括号或旁白。',
    '- 想挂断电话时回复 [hangup]；也可以先说一句话再加 [hangup]，例如：不需要 [hangup]。',
    '- 不想出声时回复 [silence]。',
    '- 要按键时回复 [press 数字]，例如 [press 1]。',
    '对方说的话会直接发给你；[录音] 表示对方播放了一段录音，[沉默 N 秒] 表示线路上安静了 N 秒。',
  ].join('\n');
}

/** The user message for a cue. */
export function cueMessage(cue: CalleeCue): string {
  if (cue.kind === 'silence') return `[沉默 ${Math.max(1, Math.round(cue.waitedMs / 1000))} 秒]`;
  return cue.text === '' ? '[录音]' : cue.text;
}

/** Reads a model's answer: a key press, silence or hang-up token, else the first short utterance. */
export function parseLlmReply(answer: string): LlmCalleeMove {
  const press = /\[\s*(?:press|按键?)\s*([0-9*#]+)\s*\]/i.exec(answer);
  if (press?.[1]) return { kind: 'dtmf', digits: press[1] };
  const hangsUp = /\[\s*(?:hangup|hang up|挂断)\s*\]/i.test(answer);
  const text = utterance(answer.replace(/\[[^\]]*\]/g, ' '));
  if (text) return { kind: 'say', text, thenHangUp: hangsUp };
  return hangsUp ? { kind: 'hangup' } : { kind: 'silence' };
}

/** How a move reads in the conversation history, so the model sees what it (or its fallback) did. */
export function moveText(action: CalleeAction | LlmCalleeMove): string {
  switch (action.kind) {
    case 'say':
      return 'thenHangUp' in action && action.thenHangUp ? `${action.text} [hangup]` : action.text;
    case 'dtmf':
      return `[press ${action.digits}]`;
    case 'hangup':
      return '[hangup]';
    case 'silence':
      return '[silence]';
  }
}

/** The first line, without a speaker label or quotes, cut at the first sentence end past a few characters. */
function utterance(raw: string): string {
  const line = raw.trim().split(/\r?\n/)[0] ?? '';
  const unlabelled = line.replace(/^\s*(接听者|我|用户|callee)\s*[:：]\s*/i, '');
  const bare = unlabelled.replace(/^[\s"'“”‘’「」]+|[\s"'“”‘’「」]+$/g, '').replace(/（[^）]*）|\([^)]*\)/g, '').trim();
  const sentence = /^(.{4,}?[。！!？?])/u.exec(bare)?.[1] ?? bare;
  return [...sentence].slice(0, LLM_UTTERANCE_MAX).join('').trim();
}

/** Distinct utterances of the persona's replies, in rule order. */
function typicalLines(persona: Persona): string[] {
  const seen = new Set<string>();
  for (const reply of [...persona.rules.map((r) => r.reply), persona.defaultReply]) {
    const say = reply.say;
    if (say === undefined) continue;
    for (const line of typeof say === 'string' ? [say] : say) seen.add(line);
  }
  return [...seen];
}
