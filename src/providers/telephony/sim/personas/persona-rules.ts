/**
 * How a persona's rules answer a prompt and when the answer lands, as pure functions of the persona, the cue and
 * the call's random stream. Regular expressions are compiled once per catalog, not once per prompt, because a
 * forecast runs these for every turn of a million calls.
 */
import type { Random } from '../prng.js';
import type { CalleeCue } from '../sim-callee.js';
import type { Persona, PersonaReply, PersonaRule, Range } from './persona-format.js';

/** A rule ready to match: keywords lower-cased, regex compiled. */
export interface CompiledRule {
  rule: PersonaRule;
  keywords?: readonly string[];
  regex?: RegExp;
}

/** A persona with its rules compiled. */
export interface CompiledPersona {
  persona: Persona;
  rules: readonly CompiledRule[];
}

/** A prompt cue. */
export type PromptCue = Extract<CalleeCue, { kind: 'prompt' }>;

/** The reply chosen for a prompt, with keys already resolved from the regex's capture groups. */
export interface RuleAnswer {
  rule: PersonaRule | undefined;
  reply: PersonaReply;
}

/** Compiles a persona's rules. */
export function compilePersona(persona: Persona): CompiledPersona {
  const rules = persona.rules.map((rule): CompiledRule => {
    const { keywords, regex } = rule.when;
    return {
      rule,
      ...(keywords ? { keywords: keywords.map((k) => k.toLowerCase()) } : {}),
      ...(regex ? { regex: new RegExp(regex, 'u') } : {}),
    };
  });
  return Object.freeze({ persona, rules: Object.freeze(rules) });
}

/** The first rule that answers the `turn`-th prompt (1-based), or the persona's default reply. */
export function answerPrompt(compiled: CompiledPersona, cue: PromptCue, turn: number): RuleAnswer {
  for (const candidate of compiled.rules) {
    const reply = tryRule(candidate, cue, turn);
    if (reply) return { rule: candidate.rule, reply };
  }
  return { rule: undefined, reply: compiled.persona.defaultReply };
}

/** The rule's reply when its condition holds and its keys resolve; undefined otherwise. */
function tryRule({ rule, keywords, regex }: CompiledRule, cue: PromptCue, turn: number): PersonaReply | undefined {
  const { when } = rule;
  const kind = cue.mediaId !== undefined && cue.text === '' ? 'voice' : 'text';
  if (when.promptKind && when.promptKind !== kind) return undefined;
  if (when.fromTurn !== undefined && turn < when.fromTurn) return undefined;
  if (when.toTurn !== undefined && turn > when.toTurn) return undefined;
  const heard = cue.text.toLowerCase();
  if (keywords && !keywords.some((k) => heard.includes(k))) return undefined;
  const match = regex ? regex.exec(cue.text) : undefined;
  if (match === null) return undefined;
  const dtmf = rule.reply.dtmf;
  if (!dtmf?.startsWith('$')) return rule.reply;
  // "$1" takes the key the prompt offered ("请按1确认"); a group that caught no keys makes the rule not apply.
  const keys = match?.[Number(dtmf.slice(1))] ?? '';
  return /^[0-9*#]+$/.test(keys) ? { ...rule.reply, dtmf: keys } : undefined;
}

/**
 * When the reply to a prompt lasting `durationMs` starts, from the prompt's first word: inside the prompt when
 * the persona barges in, otherwise after it plus a think time. Always draws twice, so the stream stays aligned.
 */
export function promptDelayMs(persona: Persona, rule: PersonaRule | undefined, durationMs: number, random: Random): number {
  const barge = random();
  const where = random();
  const chance = rule?.interruptProbability ?? persona.interrupt.probability;
  if (durationMs > 0 && barge < chance) return Math.round(durationMs * within(persona.interrupt.offset, where));
  return durationMs + (rule?.afterMs ?? Math.round(within(persona.thinkMs, where)));
}

/** A think time drawn from the persona's range, for answers to silence and hang-ups. */
export function thinkMs(persona: Persona, random: Random): number {
  return Math.round(within(persona.thinkMs, random()));
}

/** One of the utterances of `say`, picked by the stream (always one draw). */
export function pickText(say: string | readonly string[], random: Random): string {
  const u = random();
  if (typeof say === 'string') return say;
  return say[Math.min(say.length - 1, Math.floor(u * say.length))] ?? '';
}

function within(range: Range, u: number): number {
  return range.min + u * (range.max - range.min);
}
