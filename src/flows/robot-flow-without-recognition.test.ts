// The robot flow on a call where speech is heard but not understood, as on a SIP trunk without WAIHU_ASR_BASE_URL:
// every utterance arrives as empty text, keys arrive as keys. A script whose questions take keys still runs: an
// utterance counts as silence (the node asks again), and the key the callee then presses takes its branch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repaymentReminderRobot, REMINDER_SAMPLE_VARIABLES } from '../core/agents/robot-samples.js';
import { CallHungUpError, type CallSession, type Hangup, type ListenOptions, type ListenResult } from '../ports/call-session.js';
import { RecordingSession } from './recording-session.js';
import { runRobot } from './robot-flow.js';

/** What the callee does at each listen: speaks (heard as '', as without recognition) or presses keys. */
type Answer = { speaks: string } | { presses: string };

/** A session that answers each listen from `answers`, recording whether the flow let keys through. */
function deafSession(answers: Answer[]) {
  let ended: Hangup | undefined;
  let resolveHungUp: (hangup: Hangup) => void = () => undefined;
  const keysAllowed: boolean[] = [];
  const end = (by: Hangup['by']) => {
    if (ended) return;
    ended = { by, at: 0 };
    resolveHungUp(ended);
  };
  const session: CallSession = {
    callId: '1^1',
    variables: REMINDER_SAMPLE_VARIABLES,
    hungUp: new Promise<Hangup>((resolve) => (resolveHungUp = resolve)),
    get isHungUp() {
      return ended !== undefined;
    },
    say: () => (ended ? Promise.reject(new CallHungUpError(ended)) : Promise.resolve({ completed: true })),
    play: () => Promise.resolve({ completed: true }),
    listen: (options: ListenOptions): Promise<ListenResult> => {
      keysAllowed.push(options.dtmf !== false);
      const answer = answers.shift();
      if (answer === undefined) return Promise.resolve({ timedOut: true });
      // The SIP session without a recognizer reports an utterance as empty text.
      if ('speaks' in answer) return Promise.resolve({ text: '', timedOut: false });
      return Promise.resolve({ dtmf: answer.presses, timedOut: false });
    },
    collectDtmf: () => Promise.resolve({ digits: '', timedOut: true }),
    transfer: () => Promise.resolve(),
    hangup: () => Promise.resolve(end('robot')),
  };
  return { session, keysAllowed };
}

async function run(answers: Answer[]) {
  const { session, keysAllowed } = deafSession(answers);
  const recording = new RecordingSession(session, { now: () => 0 });
  const robot = await runRobot(recording, repaymentReminderRobot());
  return { robot, report: recording.report(), keysAllowed };
}

test('a callee who speaks first and then presses the keys the prompt names reaches the promise branch', async () => {
  const { robot, report, keysAllowed } = await run([{ speaks: '是我' }, { presses: '1' }, { presses: '1' }]);
  assert.deepEqual(robot.path, ['greet', 'remind', 'promise']);
  assert.deepEqual(robot.matched, [{ node: 'greet', intent: '本人' }, { node: 'remind', intent: '承诺还款' }]);
  assert.equal(report.majorIntent, '承诺还款');
  assert.deepEqual(report.tags, [{ name: '还款意愿', value: '按时' }]);
  assert.ok(keysAllowed.every(Boolean), 'every question of the sample listens for keys');
  const robotLines = report.turns.filter((t) => t.role === 'assistant').map((t) => t.content);
  assert.equal(robotLines[1], '您好，请问您还在听吗？', 'the unrecognized utterance is treated as silence: the noInput prompt asks again');
});

test('a callee who only speaks is never understood: the noInput budget runs out and the robot says goodbye', async () => {
  const { robot, report } = await run([{ speaks: '是我' }, { speaks: '是的是的' }]);
  assert.deepEqual(robot.path, ['greet', 'bye_no_answer']);
  assert.equal(report.majorIntent, '无人应答');
  assert.equal(robot.ending, 'completed');
});
