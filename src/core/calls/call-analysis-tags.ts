/**
 * Output tags from what the callee said, by rules: an ENUM value the callee named outright, else the value whose
 * wording fits the callee's stance (a refusal takes the value described as declining, an agreement the one described
 * as accepting). Used live by the script agent and afterwards by the rule-based analysis; TEXT tags need a model.
 */
import type { EnumValue, OutputTagDefinition } from '../agents/agent-profile.js';
import type { Stance } from './call-analysis-stance.js';
import type { CallTag } from './dialog.js';

// Negative wording is tested first: most of it contains a positive word ("不接受", "不感兴趣").
const NEGATIVE = /拒绝|不接受|无意向|没有意向|不感兴趣|无兴趣|没兴趣|不同意|不需要|不愿意|否|低|差|无/u;
const POSITIVE = /接受|有意向|感兴趣|有兴趣|同意|需要|愿意|积极|是|高|强|好/u;

/** Strips what does not carry meaning for matching: spaces and punctuation. */
function bare(text: string): string {
  return text.replace(/[\s\p{P}]/gu, '');
}

/** A value the utterance names: the longest value of two or more characters it contains, or a one-character reply equal to a value. */
function namedValue(values: readonly EnumValue[], utterance: string): EnumValue | undefined {
  const said = bare(utterance);
  let best: EnumValue | undefined;
  for (const v of values) {
    const value = bare(v.value);
    const hit = value.length >= 2 ? said.includes(value) : value !== '' && said === value;
    if (hit && (!best || value.length > bare(best.value).length)) best = v;
  }
  return best;
}

/** The leaning of a text by its wording. */
function leaningOf(words: string): 'positive' | 'negative' | 'neutral' {
  if (NEGATIVE.test(words)) return 'negative';
  return POSITIVE.test(words) ? 'positive' : 'neutral';
}

/** The leaning of a value: its own wording, or its description's when the value itself leans neither way. */
function leaning(v: EnumValue): 'positive' | 'negative' | 'neutral' {
  const own = leaningOf(v.value);
  return own !== 'neutral' ? own : leaningOf(v.description ?? '');
}

/** The first value leaning the way the stance does; none for stances that lean neither way. */
function valueForStance(values: readonly EnumValue[], stance: Stance): EnumValue | undefined {
  if (stance === 'agreement') return values.find((v) => leaning(v) === 'positive');
  if (stance === 'refusal') return values.find((v) => leaning(v) === 'negative');
  return undefined;
}

/** The tag a definition takes with `value`, carrying the definition's description and id. */
export function tagOf(definition: OutputTagDefinition, value: string): CallTag {
  return {
    name: definition.name,
    value,
    ...(definition.description !== undefined ? { description: definition.description } : {}),
    ...(definition.id !== undefined ? { id: definition.id } : {}),
  };
}

/** The ENUM tags one utterance settles, by the rules in the module comment. */
export function matchOutputTags(definitions: readonly OutputTagDefinition[], utterance: string, stance: Stance): CallTag[] {
  const tags: CallTag[] = [];
  for (const definition of definitions) {
    if (definition.type !== 'ENUM') continue;
    const value = namedValue(definition.values, utterance) ?? valueForStance(definition.values, stance);
    if (value) tags.push(tagOf(definition, value.value));
  }
  return tags;
}
