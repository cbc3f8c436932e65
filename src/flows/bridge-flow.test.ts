// The bridged leg on the simulated carrier: the notice, then the simulated agent and a scripted callee take turns
// until the agent closes (or the callee hangs up first), all written in the dialog with the agent's name in front.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScriptedCallee } from '../providers/telephony/sim/sim-callee.js';
import { SimAgent } from '../providers/telephony/sim/sim-agent.js';
import { dial, recordCall, simOnVirtualClock } from '../providers/telephony/sim/sim-test-kit.js';
import { BRIDGE_NOTICE, runBridge, type BridgeReport } from './bridge-flow.js';
import { RecordingSession } from './recording-session.js';

async function bridged(callee: ScriptedCallee, who?: string) {
  const setup = simOnVirtualClock({ callees: () => callee });
  let report: BridgeReport | undefined;
  let recording: RecordingSession | undefined;
  const call = recordCall(async (session) => {
    recording = new RecordingSession(session, setup.clock);
    report = await runBridge(recording, new SimAgent(who));
  });
  await setup.sim.originate(dial('13800000015'), call.listener);
  await setup.clock.runUntil(() => call.outcome !== undefined);
  return { report: report!, turns: recording!.report().turns, outcome: call.outcome! };
}

test('the agent greets, acknowledges the callee and closes; the robot is not heard', async () => {
  const { report, turns, outcome } = await bridged(new ScriptedCallee([
    { kind: 'silence' },
    { kind: 'say', text: '我想改一下收货地址', afterMs: 8000 },
    { kind: 'say', text: '好的谢谢', afterMs: 5000 },
  ]), '1001');
  assert.deepEqual(turns.map((t) => t.role), ['assistant', 'assistant', 'user', 'assistant', 'user', 'assistant']);
  assert.equal(turns[0]?.content, BRIDGE_NOTICE);
  assert.match(turns[1]!.content, /^坐席 1001：您好，我是人工客服/);
  assert.equal(turns[2]?.content, '我想改一下收货地址');
  assert.match(turns[3]!.content, /^坐席 1001：好的，您的情况我已经记录下来了/);
  assert.match(turns.at(-1)!.content, /再见。$/);
  assert.deepEqual([report.agent, report.agentTurns, report.calleeTurns, report.endedBy], ['坐席 1001', 3, 2, 'agent']);
  assert.equal(outcome.hangupBy, 'robot');
});

test('a callee who hangs up during the greeting ends the bridge; the cut line is not counted', async () => {
  const { report } = await bridged(new ScriptedCallee([{ kind: 'silence' }, { kind: 'hangup', afterMs: 1000 }]));
  assert.deepEqual([report.agent, report.agentTurns, report.endedBy], ['人工坐席', 0, 'callee']);
});
