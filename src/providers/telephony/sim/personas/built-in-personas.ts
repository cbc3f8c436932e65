/**
 * The built-in personas: the people a mainland-China outbound list tends to reach, with the replies they give to
 * the usual prompts (notifications, repayment reminders, surveys, marketing, key menus). Written in the same JSON
 * format accounts use, and validated by the same parser at load, so the catalog cannot ship a broken persona.
 * Weights are shares of answered calls and sum to 1; docs/personas.md explains the choice.
 */
import { parsePersonas, type Persona, type PersonaSpec } from './persona-format.js';

/** Words that mark the kind of prompt; the rules below share them. */
const GOODBYE = ['再见', '祝您生活愉快', '打扰了', '感谢您的接听', '拜拜'];
const REPAYMENT = ['还款', '逾期', '欠款', '账单', '到期', '应还', '欠费', '缴费'];
const SURVEY = ['满意', '调查', '评价', '回访', '问卷', '建议'];
const MARKETING = ['优惠', '活动', '办理', '了解一下', '免费', '套餐', '贷款', '额度', '理财', '促销', '办卡', '福利', '限时', '领取'];
const NOTICE = ['通知', '提醒', '温馨提示', '快递', '停水', '停电', '预约', '会议', '验证码', '取件'];
/** "请问是张先生吗", "您是王女士本人吗": the robot checks who answered. */
const IDENTITY = '(请问|您)是.{0,10}(吗|么)';
/** "1到10分", "打几分": a survey asks for a score. */
const SCORE = '打分|几分|\\d+\\s*(到|至)\\s*\\d+\\s*分|一到十';
/** A prompt ending in a question: "方便吗？", "可以吗". */
const QUESTION = '([吗么呢]|[?？])\\s*[。.!！]?\\s*$';

/** How someone willing answers the usual prompts; the cooperative, questioner and key-presser share it. */
const AGREEABLE: NonNullable<PersonaSpec['rules']> = [
  { when: { keywords: GOODBYE }, reply: { say: ['好的，再见', '嗯，再见', '好，拜拜'], hangup: true } },
  { when: { regex: IDENTITY }, reply: { say: ['是的，我是', '对，是我', '嗯，是我，什么事？'] } },
  { when: { keywords: REPAYMENT }, reply: { say: ['好的，我今天就还', '知道了，这两天就处理', '行，我马上还上'] } },
  { when: { regex: SCORE }, reply: { say: ['十分', '给九分吧', '八分'] } },
  { when: { keywords: SURVEY }, reply: { say: ['挺满意的', '还行吧，挺好的', '满意，没什么问题'] } },
  // Told more about an offer it already showed interest in, it takes it rather than asking again.
  { when: { keywords: MARKETING, fromTurn: 2 }, reply: { say: ['可以，那就办吧', '行，怎么弄？', '好的，那帮我办一下'] } },
  { when: { keywords: MARKETING }, reply: { say: ['可以，你说说看', '行，具体是什么活动？', '嗯，你介绍一下'] } },
  { when: { keywords: NOTICE }, reply: { say: ['好的，知道了', '嗯，收到，谢谢', '好的好的'] } },
  { when: { regex: QUESTION }, reply: { say: ['可以', '好的', '行', '是的'] } },
];

const cooperative: PersonaSpec = {
  name: 'cooperative',
  description: '配合的接听者：态度友好，耐心听完，对通知和提问都爽快答应（好的、可以、行）。',
  weight: 0.3,
  rules: AGREEABLE,
  defaultReply: { say: ['好的', '嗯', '可以', '行'] },
  onSilence: { say: ['喂？', '喂，你好？'], sayTimes: 1, hangupAfter: 3 },
  patienceTurns: 8,
  interrupt: { probability: 0.05, offset: { min: 0.75, max: 0.95 } },
  thinkMs: { min: 500, max: 1500 },
};

const refuser: PersonaSpec = {
  name: 'refuser',
  description: '拒绝的接听者：一听是推销或催收就不耐烦，说“不需要”“别打了”然后挂断。',
  weight: 0.18,
  rules: [
    { when: { keywords: GOODBYE }, reply: { hangup: true } },
    { when: { keywords: MARKETING }, reply: { say: ['不需要', '不需要，谢谢', '不用了'], hangup: true }, interruptProbability: 0.5 },
    { when: { keywords: REPAYMENT }, reply: { say: ['知道了，别打了', '我会处理的，别再打了'], hangup: true } },
    { when: { keywords: SURVEY }, reply: { say: ['没空，不参加', '不用了，挂了啊'], hangup: true } },
  ],
  defaultReply: { say: ['不需要，别打了', '不用了，谢谢', '没兴趣'], hangup: true },
  onSilence: { hangupAfter: 1 },
  patienceTurns: 2,
  interrupt: { probability: 0.3, offset: { min: 0.3, max: 0.7 } },
  thinkMs: { min: 300, max: 900 },
};

const questioner: PersonaSpec = {
  name: 'questioner',
  description: '警惕的接听者：先问清楚你是谁、哪里的、什么事，弄明白之后才配合。',
  weight: 0.12,
  rules: [
    { when: { keywords: ['这里是', '我是', '我们是'], toTurn: 1 }, reply: { say: ['哦，什么事？', '有什么事吗？'] } },
    { when: { toTurn: 1 }, reply: { say: ['你是谁？', '喂，哪位？', '你哪位啊？'] } },
    { when: { fromTurn: 2, toTurn: 2 }, reply: { say: ['哪里的？', '你们是哪个公司的？', '你怎么知道我电话的？'] } },
    { when: { fromTurn: 3, toTurn: 3 }, reply: { say: ['什么事？', '哦，那是什么事？', '你说吧，什么事'] } },
    ...AGREEABLE,
  ],
  defaultReply: { say: ['哦，好的', '行，知道了', '嗯，可以'] },
  onSilence: { say: '喂？你说话啊', sayTimes: 1, hangupAfter: 2 },
  patienceTurns: 6,
  interrupt: { probability: 0.15, offset: { min: 0.4, max: 0.8 } },
  thinkMs: { min: 300, max: 900 },
};

const busy: PersonaSpec = {
  name: 'busy',
  description: '忙碌不耐烦的接听者：没等你说完就打断，说“现在不方便”然后挂断。',
  weight: 0.12,
  rules: [{ when: { toTurn: 1 }, reply: { say: ['现在不方便', '我在开车，不方便', '在忙，回头再说', '开会呢，晚点打'], hangup: true } }],
  defaultReply: { say: '不方便，挂了', hangup: true },
  onSilence: { hangupAfter: 1 },
  patienceTurns: 2,
  interrupt: { probability: 0.85, offset: { min: 0.1, max: 0.35 } },
  thinkMs: { min: 150, max: 500 },
};

const silent: PersonaSpec = {
  name: 'silent',
  description: '沉默的接听者：接起电话一句话也不说，过一会儿就挂断。',
  weight: 0.08,
  defaultReply: { silence: true },
  onSilence: { hangupAfter: 2 },
  patienceTurns: 3,
  thinkMs: { min: 500, max: 1500 },
};

const keyPresser: PersonaSpec = {
  name: 'key-presser',
  description: '习惯按键的接听者：听到“请按1”“按键”之类的提示就按键（默认按1），其他时候简单应答。',
  weight: 0.08,
  rules: [
    { when: { regex: '按\\s*([0-9*#])' }, reply: { dtmf: '$1' } },
    { when: { keywords: ['按一'] }, reply: { dtmf: '1' } },
    { when: { keywords: ['按二'] }, reply: { dtmf: '2' } },
    { when: { keywords: ['按井号', '井号键'] }, reply: { dtmf: '#' } },
    { when: { keywords: ['请按', '按键', '输入'] }, reply: { dtmf: '1' } },
    { when: { promptKind: 'voice' }, reply: { dtmf: '1' } },
    ...AGREEABLE,
  ],
  defaultReply: { say: ['嗯', '好的', '你说'] },
  onSilence: { say: '喂？', sayTimes: 1, hangupAfter: 3 },
  patienceTurns: 6,
  interrupt: { probability: 0.1, offset: { min: 0.6, max: 0.9 } },
  thinkMs: { min: 300, max: 1000 },
};

const confused: PersonaSpec = {
  name: 'confused',
  description: '听不清的接听者：信号差或耳背，前一两句总说“没听清，你再说一遍”，之后才勉强应下。',
  weight: 0.12,
  rules: [
    { when: { keywords: GOODBYE }, reply: { say: '哦，好，再见', hangup: true } },
    { when: { toTurn: 2 }, reply: { say: ['啊？没听清，你再说一遍', '什么？你说啥？', '喂？信号不好，听不清', '你说慢点，没听明白'] } },
  ],
  defaultReply: { say: ['哦，好吧', '行吧，知道了', '嗯…好'] },
  onSilence: { say: ['喂？喂？', '喂，还在吗？'], sayTimes: 2, hangupAfter: 3 },
  patienceTurns: 6,
  interrupt: { probability: 0.1, offset: { min: 0.5, max: 0.9 } },
  thinkMs: { min: 800, max: 2000 },
};

/** The built-in personas, validated, in a fixed order (the order weights are laid out in). */
export const BUILT_IN_PERSONAS: readonly Persona[] = parsePersonas([cooperative, refuser, questioner, busy, silent, keyPresser, confused]);
