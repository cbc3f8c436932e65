// The robot flow on the simulated carrier: the sample repayment reminder against scripted callees who agree, name a
// date, press keys, stay silent, mumble, barge in and hang up, on the virtual clock. Each test checks what a user
// of the platform sees: the dialog, tags and intent of the FlowReport, and how the call ended.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REMINDER_AGENT_NUMBER, REMINDER_SAMPLE_VARIABLES as VARS, repaymentReminderRobot } from '../core/agents/robot-samples.js';
import { parseRobotScript, type RobotScript } from '../core/agents/robot-script.js';
import type { FlowReport } from '../core/calls/dialog.js';
import { ScriptedCallee, type CalleeAction, type SimCallee } from '../providers/telephony/sim/sim-callee.js';
import { speechMs } from '../providers/telephony/sim/sim-speech.js';
import { dial, runCall, simOnVirtualClock } from '../providers/telephony/sim/sim-test-kit.js';
import { RecordingSession } from './recording-session.js';
import { runRobot, type RobotFlowOptions, type RobotRunReport } from './robot-flow.js';

/** A callee action; `afterMs` counts from the end of the prompt it answers, unless `barging` (then from its start). */
type Reply = CalleeAction & { barging?: boolean };

/** A scripted callee that answers each prompt after hearing it out (or barges in when a reply says so). */
function callee(...replies: Reply[]): SimCallee {
  const script = new ScriptedCallee(replies);
  return {
    react: (cue) => {
      const action = script.react() as Reply;
      if (action.kind === 'silence' || cue.kind !== 'prompt' || action.barging) return action;
      return { ...action, afterMs: cue.durationMs + action.afterMs };
    },
  };
}
const says = (text: string, afterMs = 400): Reply => ({ kind: 'say', text, afterMs });
const presses = (digits: string): Reply => ({ kind: 'dtmf', digits, afterMs: 600 });

/** Runs the script on an answered call (...0015 always answers) against `who`; the robot's and the session's reports. */
async function robotCall(who: SimCallee, script: RobotScript = repaymentReminderRobot(), extra: { variables?: Record<string, string>; options?: RobotFlowOptions } = {}) {
  const setup = simOnVirtualClock({ callees: () => who });
  let robot: RobotRunReport | undefined;
  let report: FlowReport | undefined;
  const { outcome } = await runCall(setup, dial('13800000015', { variables: extra.variables ?? { ...VARS } }), async (s) => {
    const recording = new RecordingSession(s, setup.clock);
    robot = await runRobot(recording, script, extra.options);
    report = recording.report();
  });
  assert.ok(robot && report, 'the flow ran to its end');
  const dialog = report.turns.map((t) => `${t.role === 'assistant' ? 'robot' : 'user'}: ${t.content}`);
  return { outcome, robot, report, dialog };
}

const GREET = '您好，请问是张先生吗？这里是某某银行信用卡中心。';
const REMIND = '您本期账单3200元，将于3月15日到期，请问您能按时还款吗？能按时还款请按1，转人工服务请按0。';

test('a callee who agrees by keyword reaches the promise branch: tag, intent, closing line, robot hangs up', async () => {
  const { outcome, robot, report, dialog } = await robotCall(callee(says('是我'), says('可以，没问题')));
  assert.deepEqual(dialog, [
    `robot: ${GREET}`,
    'user: 是我',
    `robot: ${REMIND}`,
    'user: 可以，没问题',
    'robot: 好的，请您在3月15日前按时还款，感谢您的配合，再见。',
  ]);
  assert.deepEqual(report.tags, [{ name: '还款意愿', value: '按时' }]);
  assert.equal(report.majorIntent, '承诺还款');
  assert.deepEqual(robot, {
    ending: 'completed', path: ['greet', 'remind', 'promise'], missing: [],
    matched: [{ node: 'greet', intent: '本人' }, { node: 'remind', intent: '承诺还款' }],
  });
  assert.equal(outcome.hangupBy, 'robot');
});

test('a date named in the reply matches the regex intent before the plain "yes" keywords', async () => {
  const { robot, report, dialog } = await robotCall(callee(says('是的'), says('我这个月20号能还')));
  assert.equal(dialog.at(-1), 'robot: 好的，已为您记录还款日期，请按约定还款，再见。');
  assert.deepEqual(report.tags, [{ name: '还款意愿', value: '约定日期' }]);
  assert.equal(report.majorIntent, '约定日期还款');
  assert.deepEqual(robot.matched.at(-1), { node: 'remind', intent: '约定日期' });
});

test('keys answer asks with dtmf intents; 0 transfers the call to the agent line', async () => {
  const { outcome, robot, report, dialog } = await robotCall(callee(presses('1'), presses('0')));
  assert.deepEqual(dialog, [`robot: ${GREET}`, 'user: 1', `robot: ${REMIND}`, 'user: 0', 'robot: 正在为您转接人工客服，请稍候。']);
  assert.deepEqual(report.dtmf, ['1', '0']);
  assert.equal(report.transferredTo, REMINDER_AGENT_NUMBER);
  assert.equal(report.majorIntent, '转人工');
  assert.equal(robot.ending, 'transferred');
  assert.equal(outcome.transferredTo, REMINDER_AGENT_NUMBER);
  assert.equal(outcome.hangupBy, 'robot');
});

test('a silent callee hears the no-input prompt once, then the no-input branch; each wait is the node timeout', async () => {
  const { outcome, robot, report, dialog } = await robotCall(callee());
  const retry = '您好，请问您还在听吗？';
  const bye = '我们稍后再与您联系，再见。';
  assert.deepEqual(dialog, [`robot: ${GREET}`, `robot: ${retry}`, `robot: ${bye}`]);
  assert.equal(report.majorIntent, '无人应答');
  assert.deepEqual(robot.path, ['greet', 'bye_no_answer']);
  assert.equal(outcome.durationMs, speechMs(GREET) + 5000 + speechMs(retry) + 5000 + speechMs(bye));
});

test('replies that match nothing are asked again with the no-match prompt, then go to the no-match branch', async () => {
  const { robot, report, dialog } = await robotCall(callee(says('是我'), says('你说什么'), says('啊？'), says('嗯……'), says('不用了')));
  const again = 'robot: 抱歉，我没有听清楚。请问您能在3月15日前还款吗？';
  assert.deepEqual(dialog, [
    `robot: ${GREET}`, 'user: 是我',
    `robot: ${REMIND}`, 'user: 你说什么',
    again, 'user: 啊？',
    again, 'user: 嗯……',
    'robot: 如需办理分期或延期，可以为您转接人工客服，请问需要吗？', 'user: 不用了',
    'robot: 好的，感谢您的接听，祝您生活愉快，再见。',
  ]);
  assert.deepEqual(robot.path, ['greet', 'remind', 'offer_agent', 'bye']);
  assert.equal(report.majorIntent, undefined);
  assert.deepEqual(report.tags, []);
});

test('speaking during a barge-in prompt cuts it; the reply is heard and marked as an interruption', async () => {
  const { robot, report } = await robotCall(callee({ ...says('是我', 1000), barging: true }, presses('1')));
  const [greet, reply] = report.turns;
  assert.equal(greet?.cut, true);
  assert.deepEqual([reply?.content, reply?.interrupted], ['是我', true]);
  assert.equal(report.turns[2]?.cut, undefined, 'the remind prompt has no barge-in and plays whole');
  assert.equal(robot.ending, 'completed');
  assert.equal(report.majorIntent, '承诺还款');
});

test('a callee who hangs up during the greeting ends the flow quietly', async () => {
  const { outcome, robot, dialog } = await robotCall(new ScriptedCallee([{ kind: 'hangup', afterMs: 2000 }]));
  assert.deepEqual(robot, { ending: 'hung-up', hangupBy: 'callee', path: ['greet'], matched: [], missing: [] });
  assert.deepEqual(dialog, [`robot: ${GREET}`]);
  assert.equal(outcome.hangupBy, 'callee');
  assert.equal(outcome.durationMs, 2000);
});

/** A loop that only ends when the callee stops agreeing: ask → say → ask ... */
const LOOP = parseRobotScript({
  version: 1,
  start: 'q',
  nodes: {
    q: { type: 'ask', prompt: '好吗？', intents: [{ name: 'ok', keywords: ['好'], next: 'again' }], noInput: { next: 'end' }, noMatch: { next: 'end' } },
    again: { type: 'say', prompt: '再问一次。', next: 'q' },
    end: { type: 'hangup' },
  },
});

test('a script that never ends is cut at the step limit: the robot hangs up and says why', async () => {
  const agreeable: SimCallee = {
    react: (cue) => (cue.kind === 'prompt' && cue.text === '好吗？' ? { kind: 'say', text: '好', afterMs: cue.durationMs + 200 } : { kind: 'silence' }),
  };
  const { outcome, robot } = await robotCall(agreeable, LOOP, { options: { maxSteps: 7 } });
  assert.equal(robot.ending, 'step-limit');
  assert.deepEqual(robot.path, ['q', 'again', 'q', 'again', 'q', 'again', 'q']);
  assert.equal(robot.reason, 'stopped at node "again" after 7 steps: the script never reached a hang-up or transfer node');
  assert.equal(outcome.hangupBy, 'robot');
});

test('a transfer number from a variable is dialed; a missing one fails the call with the reason', async () => {
  const script = parseRobotScript({ version: 1, start: 't', nodes: { t: { type: 'transfer', prompt: '请稍候', number: '$agent$' } } });
  const ok = await robotCall(callee(), script, { variables: { agent: '0571-8888-0000' } });
  assert.equal(ok.robot.ending, 'transferred');
  assert.equal(ok.outcome.transferredTo, '057188880000');
  const missing = await robotCall(callee(), script, { variables: {} });
  assert.equal(missing.robot.ending, 'failed');
  assert.equal(missing.robot.reason, 'node "t": transfer number "" is not a phone number');
  assert.deepEqual(missing.robot.missing, ['agent']);
  assert.equal(missing.outcome.hangupBy, 'robot');
  assert.equal(missing.outcome.transferredTo, undefined);
});
