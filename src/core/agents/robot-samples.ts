/**
 * Sample robot scripts, written as a user would write them (raw JSON, defaults left out), for the tests, the docs
 * and the CLI. The repayment reminder shows every node type, keywords, a regex, keys and a transfer.
 */
import { parseRobotScript, type RobotScript } from './robot-script.js';

/** The number the repayment reminder hands callers to (the bank's human agents). */
export const REMINDER_AGENT_NUMBER = '4008001234';

/** Variables the repayment reminder's prompts use, with sample values. */
export const REMINDER_SAMPLE_VARIABLES: Readonly<Record<string, string>> = Object.freeze({
  name: '张先生',
  amount: '3200',
  due_date: '3月15日',
});

/**
 * 还款提醒: confirm the person, remind of the due bill, and record whether they promise to pay (now or on a date),
 * refuse, or want a person. Intents that contain others come first ("不是" before "是", "不能" before "能").
 */
export const REPAYMENT_REMINDER_SCRIPT = Object.freeze({
  version: 1,
  start: 'greet',
  description: '信用卡还款提醒',
  defaults: { timeoutMs: 5000, retries: 1, noInputPrompt: '您好，请问您还在听吗？' },
  nodes: {
    greet: {
      type: 'ask',
      prompt: '您好，请问是$name$吗？这里是某某银行信用卡中心。',
      bargeIn: true,
      intents: [
        { name: '非本人', keywords: ['不是', '打错', '不认识'], next: 'wrong_person' },
        { name: '本人', keywords: ['是', '对', '嗯', '你说'], dtmf: '1', next: 'remind' },
      ],
      noInput: { retries: 1, next: 'bye_no_answer' },
      noMatch: { retries: 0, next: 'remind' },
    },
    remind: {
      type: 'ask',
      prompt: '您本期账单$amount$元，将于$due_date$到期，请问您能按时还款吗？能按时还款请按1，转人工服务请按0。',
      timeoutMs: 6000,
      intents: [
        { name: '拒绝还款', keywords: ['不能', '不可以', '不行', '还不了', '没钱', '不还'], next: 'refused', tag: { name: '还款意愿', value: '拒绝' } },
        { name: '转人工', keywords: ['人工', '客服'], dtmf: '0', next: 'to_agent' },
        { name: '约定日期', regex: '(\\d{1,2}|[一二三四五六七八九十]{1,3})(号|日)', next: 'promise_later', tag: { name: '还款意愿', value: '约定日期' } },
        { name: '承诺还款', keywords: ['能', '可以', '好的', '没问题', '会还'], dtmf: '1', next: 'promise', tag: { name: '还款意愿', value: '按时' } },
      ],
      noInput: { retries: 1, next: 'bye_no_answer' },
      noMatch: { retries: 2, prompt: '抱歉，我没有听清楚。请问您能在$due_date$前还款吗？', next: 'offer_agent' },
    },
    refused: {
      type: 'say',
      prompt: '了解。逾期会产生利息，并可能影响您的个人征信，建议您尽快安排还款。',
      intent: '拒绝还款',
      next: 'offer_agent',
    },
    offer_agent: {
      type: 'ask',
      prompt: '如需办理分期或延期，可以为您转接人工客服，请问需要吗？',
      intents: [
        { name: '不需要', keywords: ['不用', '不需要', '不要'], dtmf: '2', next: 'bye' },
        { name: '需要', keywords: ['需要', '好', '可以', '转'], dtmf: '1', next: 'to_agent' },
      ],
      noInput: { retries: 0, next: 'bye' },
      noMatch: { retries: 0, next: 'bye' },
    },
    to_agent: { type: 'transfer', prompt: '正在为您转接人工客服，请稍候。', number: REMINDER_AGENT_NUMBER, intent: '转人工' },
    promise: { type: 'hangup', prompt: '好的，请您在$due_date$前按时还款，感谢您的配合，再见。', intent: '承诺还款' },
    promise_later: { type: 'hangup', prompt: '好的，已为您记录还款日期，请按约定还款，再见。', intent: '约定日期还款' },
    wrong_person: { type: 'hangup', prompt: '抱歉打扰您了，再见。', intent: '非本人', tag: { name: '号码状态', value: '非本人' } },
    bye_no_answer: { type: 'hangup', prompt: '我们稍后再与您联系，再见。', intent: '无人应答' },
    bye: { type: 'hangup', prompt: '好的，感谢您的接听，祝您生活愉快，再见。' },
  },
});

/** The repayment reminder, checked and with its defaults resolved. */
export function repaymentReminderRobot(): RobotScript {
  return parseRobotScript(REPAYMENT_REMINDER_SCRIPT);
}
