/**
 * The persona format: a simulated callee written as data (JSON), so forecasts can model a real list's people and
 * accounts can bring their own. A persona is a weight (its share of answered calls), keyword rules that answer
 * prompts, and the habits that shape timing: thinking time, barging in, patience and how it takes silence.
 * docs/personas.md describes every field.
 */
import { z } from 'zod';
import { DomainError } from '../../../../core/errors.js';

/** What a persona does in answer to a cue; `hangup` with `say` or `dtmf` means "do that, then hang up". */
export interface PersonaReply {
  /** Words to say; from a list, one is picked by the call's seeded random stream. */
  say?: string | readonly string[];
  /** Keys to press; `$1`..`$9` stand for a capture group of the rule's regex (e.g. the digit the prompt offers). */
  dtmf?: string;
  hangup?: true;
  silence?: true;
}

/** When a rule applies; every condition given must hold. */
export interface PersonaCondition {
  /** Any of these occurs in the prompt's text (case-insensitive). */
  keywords?: readonly string[];
  /** The prompt's text matches this regular expression (Unicode mode). */
  regex?: string;
  /** 'text' for a spoken prompt, 'voice' for a played voice file (whose words the persona cannot read). */
  promptKind?: 'text' | 'voice';
  /** 1-based number of the prompt in the call: the rule applies from this prompt on. */
  fromTurn?: number;
  /** ... up to and including this one. */
  toTurn?: number;
}

/** One keyword rule: the first rule whose condition holds answers the prompt. */
export interface PersonaRule {
  when: PersonaCondition;
  reply: PersonaReply;
  /** Pause after the prompt ends before replying, instead of a draw from the persona's think time. */
  afterMs?: number;
  /** Chance of replying while the prompt still plays, instead of the persona's. */
  interruptProbability?: number;
}

/** How a persona takes silence on the line (we waited and nobody spoke); counts restart at each prompt. */
export interface SilenceHabit {
  /** What it says into the silence ("喂？"). */
  say?: string | readonly string[];
  /** On how many consecutive silences it says it (default 1). */
  sayTimes: number;
  /** Hangs up at this many consecutive silences; never when absent. */
  hangupAfter?: number;
}

/** A range of values; `min <= max`. */
export interface Range {
  min: number;
  max: number;
}

/** A validated persona with every default filled in. */
export interface Persona {
  /** Identifier: lower case letters, digits, `-` and `_`; what `sim_persona` names. */
  name: string;
  /** The character in a sentence (Chinese works best): the LLM plays it, the docs show it. */
  description: string;
  /** Relative share of answered calls; shares are normalised over the catalog; 0 = only when named. */
  weight: number;
  rules: readonly PersonaRule[];
  /** The reply to a prompt no rule matches. */
  defaultReply: PersonaReply;
  onSilence: SilenceHabit;
  /** Reacts to at most this many prompts, then hangs up at the next; no limit when absent. */
  patienceTurns?: number;
  /** Chance of barging in on a prompt, and where: a fraction of the prompt's duration. */
  interrupt: { probability: number; offset: Range };
  /** Pause after a prompt ends (or after silence) before it acts, in ms. */
  thinkMs: Range;
}

const text = z.string().trim().min(1, 'must not be empty');
const sayField = z.union([text, z.array(text).min(1, 'must list at least one utterance')]);
const keys = z.string().regex(/^([0-9*#]+|\$[1-9])$/, 'must be keys (0-9 * #) or a capture group $1..$9');
const probability = z.number().finite().min(0).max(1);
const count = z.number().int().min(1);
const range = (limit: z.ZodNumber) =>
  z.strictObject({ min: limit, max: limit }).refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

const replySchema = z
  .strictObject({ say: sayField.optional(), dtmf: keys.optional(), hangup: z.literal(true).optional(), silence: z.literal(true).optional() })
  .superRefine((reply, ctx) => {
    const acts = [reply.say, reply.dtmf, reply.hangup, reply.silence].filter((v) => v !== undefined).length;
    if (acts === 0) ctx.addIssue({ code: 'custom', message: 'must say, press (dtmf), hang up or stay silent' });
    if (reply.say !== undefined && reply.dtmf !== undefined) ctx.addIssue({ code: 'custom', message: 'cannot both say and press keys' });
    if (reply.silence && acts > 1) ctx.addIssue({ code: 'custom', message: 'silence cannot be combined with another action' });
  });

const regexText = z.string().min(1).refine(compiles, { message: 'is not a valid regular expression' });

const conditionSchema = z
  .strictObject({
    keywords: z.array(text).min(1, 'must list at least one keyword').optional(),
    regex: regexText.optional(),
    promptKind: z.enum(['text', 'voice']).optional(),
    fromTurn: count.optional(),
    toTurn: count.optional(),
  })
  .refine((w) => Object.values(w).some((v) => v !== undefined), { message: 'must state at least one condition' })
  .refine((w) => w.fromTurn === undefined || w.toTurn === undefined || w.fromTurn <= w.toTurn, {
    message: 'fromTurn must not exceed toTurn',
  });

const ruleSchema = z
  .strictObject({
    when: conditionSchema,
    reply: replySchema,
    afterMs: z.number().finite().min(0).optional(),
    interruptProbability: probability.optional(),
  })
  .refine((r) => !r.reply.dtmf?.startsWith('$') || r.when.regex !== undefined, {
    message: 'reply.dtmf names a capture group but the rule has no regex',
  });

const personaSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be 1-40 lower case letters, digits, - or _, starting with a letter'),
  description: z.string().max(500).default(''),
  weight: z.number().finite().min(0),
  rules: z.array(ruleSchema).default([]),
  defaultReply: replySchema.default({ silence: true }),
  onSilence: z
    .strictObject({ say: sayField.optional(), sayTimes: count.default(1), hangupAfter: count.optional() })
    .default({ sayTimes: 1 }),
  patienceTurns: count.optional(),
  interrupt: z
    .strictObject({ probability, offset: range(probability).default({ min: 0.3, max: 0.7 }) })
    .default({ probability: 0, offset: { min: 0.3, max: 0.7 } }),
  thinkMs: range(z.number().finite().min(0).max(60_000)).default({ min: 400, max: 1200 }),
});

/** A persona as written in JSON: only `name` and `weight` are required, the rest takes defaults. */
export type PersonaSpec = z.input<typeof personaSchema>;

const listSchema = z.array(personaSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((persona, index) => {
    if (seen.has(persona.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${persona.name}" is used twice` });
    seen.add(persona.name);
  });
});

/**
 * Validates a list of personas (JSON text or its parsed value), fills in the defaults and freezes the result.
 * Throws an InvalidArgument DomainError naming each problem by index and field, e.g.
 * `invalid personas: [1] (refuser).rules[0].when.regex: is not a valid regular expression`.
 */
export function parsePersonas(json: unknown): readonly Persona[] {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      throw new DomainError('InvalidArgument', `invalid personas: not JSON (${(error as Error).message})`);
    }
  }
  const parsed = listSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${where(issue.path, input)}: ${issue.message}`);
    throw new DomainError('InvalidArgument', `invalid personas: ${problems.join('; ')}`);
  }
  return Object.freeze(parsed.data.map((persona) => deepFreeze(persona as Persona)));
}

/** `[2] (refuser).rules[0].reply` from a zod path, naming the persona when the input has a usable name. */
function where(path: readonly PropertyKey[], input: unknown): string {
  if (path.length === 0) return 'personas';
  const [index, ...rest] = path;
  const name = Array.isArray(input) ? (input[Number(index)] as { name?: unknown } | undefined)?.name : undefined;
  let out = `[${String(index)}]${typeof name === 'string' && name ? ` (${name})` : ''}`;
  for (const key of rest) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
