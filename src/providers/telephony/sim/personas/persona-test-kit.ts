/**
 * Helpers for the persona tests: the typical prompts of outbound campaigns, cues made from them, and a callee of
 * a named built-in persona on a given call.
 */
import type { CalleeAction, CalleeCue, SimCallee } from '../sim-callee.js';
import { speechMs } from '../sim-speech.js';
import { PERSONA_VARIABLE, PersonaCatalog } from './persona-catalog.js';

/** One prompt of each kind a campaign plays, as a real script words it. */
export const PROMPTS = Object.freeze({
  notice: '您好，这里是顺丰速运，您的快递已到达小区驿站，请及时取件。',
  repayment: '您好，这里是招商银行信用卡中心，提醒您本期账单已到期，请尽快还款。',
  survey: '您好，这里是中国移动客户回访，请问您对我们的服务满意吗？',
  score: '请您为本次服务打分，1到10分，您打几分？',
  marketing: '您好，这里是平安银行，现在有一个限时优惠活动，请问您有兴趣了解一下吗？',
  identity: '您好，请问是张先生本人吗？',
  menu: '确认预约请按1，取消请按2。',
  goodbye: '好的，感谢您的接听，祝您生活愉快，再见。',
});

/** The cue of a spoken prompt, lasting its simulated speaking time. */
export function heard(text: string): CalleeCue {
  return { kind: 'prompt', text, durationMs: speechMs(text) };
}

/** The cue of a played voice file. */
export function voiceFile(mediaId = 'ivr-menu.wav'): CalleeCue {
  return { kind: 'prompt', text: '', mediaId, durationMs: 5000 };
}

/** The cue of a silent wait. */
export function quiet(waitedMs = 5000): CalleeCue {
  return { kind: 'silence', waitedMs };
}

/** A catalog on the tests' seed. */
export function testCatalog(seed = 7): PersonaCatalog {
  return new PersonaCatalog({ seed });
}

/** A callee playing the built-in `persona` on call `callId` of `callee`. */
export function personaCallee(persona: string, callId = 'c-1', callee = '13812345678', catalog = testCatalog()): SimCallee {
  return catalog.calleeFor({ accountId: 'acct-1', callee, callId, variables: { [PERSONA_VARIABLE]: persona } });
}

/** Feeds cues to a callee in order and returns its actions (the callee must answer synchronously). */
export function run(callee: SimCallee, cues: readonly CalleeCue[]): CalleeAction[] {
  return cues.map((cue) => {
    const action = callee.react(cue);
    if (action instanceof Promise) throw new Error('expected a synchronous callee');
    return action;
  });
}

/** The spoken text of an action, or its kind when it says nothing. */
export function said(action: CalleeAction): string {
  if (action.kind === 'say') return action.text;
  if (action.kind === 'dtmf') return `press ${action.digits}`;
  return action.kind;
}
