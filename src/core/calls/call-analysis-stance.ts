/**
 * What a callee's words amount to, by keywords: asking for a person, refusing, asking who is calling, agreeing.
 * Shared by the script agent (which answers by it, live) and the rule-based analysis (which grades the call by it
 * afterwards), so both read a call the same way. Deliberately simple and deterministic: no model, no randomness.
 */
import type { DialogTurn } from './dialog.js';
import type { MainPurpose } from '../agents/agent-profile.js';

/** The callee's stance in one utterance. */
export type Stance = 'transfer' | 'refusal' | 'question' | 'agreement' | 'other';

const TRANSFER = /转人工|人工客服|人工服务|找人工|真人|转接/u;
// Negations come first in the checks below, since most refusals contain an agreement word ("不需要", "不行").
const REFUSAL = /不需要|不用|不要|没兴趣|没有兴趣|不感兴趣|别打|别再打|不方便|没空|没时间|不想|算了|不考虑|不了|拒绝|骚扰|不行|不可以|不好|不同意|挂了/u;
const QUESTION = /你是谁|你是哪|哪里|哪位|什么事|啥事|干什么|干嘛|什么公司|怎么知道/u;
const AGREEMENT = /好|可以|行|有兴趣|感兴趣|是的|是啊|对的|没问题|愿意|需要|方便|同意|嗯/u;
/** Greetings carry an agreement word ("你好") without agreeing to anything. */
const GREETING = /[你您]好|喂/gu;

/** Classifies one utterance; the first of transfer, refusal, question, agreement that matches wins. */
export function utteranceStance(text: string): Stance {
  if (TRANSFER.test(text)) return 'transfer';
  if (REFUSAL.test(text)) return 'refusal';
  if (QUESTION.test(text)) return 'question';
  if (AGREEMENT.test(text.replace(GREETING, ''))) return 'agreement';
  return 'other';
}

/** How the callee came out over the whole call. */
export type CallStance = 'agreement' | 'refusal' | 'other' | 'silent';

/** The callee's last decisive stance (agreement or refusal); 'other' if they spoke without one, 'silent' if never. */
export function callStance(turns: readonly DialogTurn[]): CallStance {
  let stance: CallStance = 'silent';
  for (const turn of turns) {
    if (turn.role !== 'user' || turn.dtmf !== undefined) continue;
    const s = utteranceStance(turn.content);
    if (s === 'agreement' || s === 'refusal') stance = s;
    else if (stance === 'silent') stance = 'other';
  }
  return stance;
}

/**
 * The main-purpose value a stance earns. Values are listed best first (aiccs' example: A, B, C, D with A best), so
 * agreement takes the first, refusal and silence the last, and anything in between the middle one.
 */
export function purposeValueFor(purpose: MainPurpose | undefined, stance: CallStance): string | undefined {
  const values = purpose?.values ?? [];
  if (values.length === 0) return undefined;
  if (stance === 'agreement') return values[0]!.value;
  if (stance === 'refusal' || stance === 'silent') return values[values.length - 1]!.value;
  return values[Math.floor(values.length / 2)]!.value;
}
