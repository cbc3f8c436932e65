/**
 * Which intent of an ask node a callee's reply is: pure functions shared by the robot flow and the validator, so
 * a keyword or regex the validator accepts is read the same way at call time.
 * - Speech matches an intent when it contains any of the intent's keywords or its regex finds a match.
 * - Keys match an intent whose `dtmf` is exactly the keys pressed (a trailing `#` ends the input and is dropped).
 * - Intents are tried in declaration order and the first that matches wins, so a script puts "不是" before "是".
 */
import type { RobotIntent } from './robot-script.js';

/** What the callee did in reply to an ask: said something, pressed keys, or neither. */
export interface CalleeReply {
  text?: string;
  dtmf?: string;
}

/** The regex flags of intents: case-insensitive, and Unicode so Han characters and `\p{...}` work. */
export const INTENT_REGEX_FLAGS = 'iu';

/**
 * The form keywords and utterances are compared in: full-width letters, digits and punctuation folded to their
 * half-width forms (NFKC), lower case, whitespace removed (recognizers put spaces between Han words at will).
 */
export function normalizeUtterance(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** The intent's regex compiled; throws SyntaxError when it does not compile. */
export function compileIntentRegex(source: string): RegExp {
  return new RegExp(source, INTENT_REGEX_FLAGS);
}

/** Whether the utterance contains any of the keywords, compared in normalized form. */
export function containsKeyword(text: string, keywords: readonly string[]): boolean {
  const said = normalizeUtterance(text);
  return keywords.some((keyword) => {
    const wanted = normalizeUtterance(keyword);
    return wanted !== '' && said.includes(wanted);
  });
}

/** Whether the keys pressed are the intent's keys; a `#` ending the input is dropped unless the intent has it. */
export function keysMatch(pressed: string, dtmf: string): boolean {
  if (pressed === dtmf) return true;
  return pressed.endsWith('#') && !dtmf.endsWith('#') && pressed.slice(0, -1) === dtmf;
}

/** Whether speech `text` is the intent: a keyword contained, or the regex matching the NFKC-folded text. */
function speechMatches(intent: RobotIntent, text: string): boolean {
  if (intent.keywords && containsKeyword(text, intent.keywords)) return true;
  return intent.regex !== undefined && compileIntentRegex(intent.regex).test(text.normalize('NFKC'));
}

/** The first intent, in declaration order, that the reply matches; undefined for no match or no reply. */
export function matchIntent<I extends RobotIntent>(intents: readonly I[], reply: CalleeReply): I | undefined {
  const { text, dtmf } = reply;
  if (text !== undefined && text.trim() !== '') return intents.find((intent) => speechMatches(intent, text));
  if (dtmf !== undefined && dtmf !== '') return intents.find((intent) => intent.dtmf !== undefined && keysMatch(dtmf, intent.dtmf));
  return undefined;
}

/** Whether the reply holds anything at all (blank speech counts as silence). */
export function hasReply(reply: CalleeReply): boolean {
  return (reply.text !== undefined && reply.text.trim() !== '') || (reply.dtmf !== undefined && reply.dtmf !== '');
}

/** Whether listening on this node should take key presses: only when some intent answers to keys. */
export function acceptsKeys(intents: readonly RobotIntent[]): boolean {
  return intents.some((intent) => intent.dtmf !== undefined);
}
