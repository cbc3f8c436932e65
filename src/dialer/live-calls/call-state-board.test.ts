// The call-state board follows real simulated calls through the carrier it wraps: Calling while dialed and ringing,
// Talking once answered, Terminating when asked to end after the prompt, Idle once released; other accounts see
// nothing, and released calls are forgotten after a minute.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dial, listenForever, recordCall, simOnVirtualClock } from '../../providers/telephony/sim/sim-test-kit.js';
import { CallStateBoard, RELEASED_MEMORY_MS } from './call-state-board.js';

test('a call goes Calling -> Talking -> Idle, seen only by its account', async () => {
  const setup = simOnVirtualClock();
  const board = new CallStateBoard(setup.clock);
  const carrier = board.track(setup.sim);
  const request = dial('13800000015');
  const phases: string[] = [];
  const call = recordCall(async (session) => {
    phases.push(board.phaseOf('acct-1', request.callId) ?? 'none');
    await session.say('您好，这是一条测试通知。');
  });
  await carrier.originate(request, call.listener);
  assert.equal(board.phaseOf('acct-1', request.callId), 'Calling');
  assert.equal(board.phaseOf('someone-else', request.callId), undefined);
  await setup.clock.runUntil(() => call.outcome !== undefined);
  assert.deepEqual(phases, ['Talking']);
  assert.equal(board.phaseOf('acct-1', request.callId), 'Idle');
});

test('an unanswered call is Calling until released; Terminating only applies to a call in conversation', async () => {
  const setup = simOnVirtualClock();
  const board = new CallStateBoard(setup.clock);
  const carrier = board.track(setup.sim);
  const busy = dial('13800000001');
  const unanswered = recordCall();
  await carrier.originate(busy, unanswered.listener);
  board.terminating(busy.callId);
  assert.equal(board.phaseOf('acct-1', busy.callId), 'Calling');
  await setup.clock.runUntil(() => unanswered.outcome !== undefined);
  assert.equal(board.phaseOf('acct-1', busy.callId), 'Idle');

  const live = dial('13800000015');
  const talking = recordCall(listenForever);
  await carrier.originate(live, talking.listener);
  await setup.clock.runUntil(() => talking.session !== undefined);
  board.terminating(live.callId);
  assert.equal(board.phaseOf('acct-1', live.callId), 'Terminating');
  await talking.session!.hangup();
  await setup.clock.runUntil(() => talking.outcome !== undefined);
  assert.equal(board.phaseOf('acct-1', live.callId), 'Idle');
});

test('released calls are forgotten once RELEASED_MEMORY_MS has passed and another call is dialed', async () => {
  const setup = simOnVirtualClock();
  const board = new CallStateBoard(setup.clock);
  const carrier = board.track(setup.sim);
  const first = dial('13800000003');
  const call = recordCall();
  await carrier.originate(first, call.listener);
  await setup.clock.runUntil(() => call.outcome !== undefined);
  await setup.clock.advanceAsync(RELEASED_MEMORY_MS + 1);
  await carrier.originate(dial('13800000004'), recordCall().listener);
  assert.equal(board.phaseOf('acct-1', first.callId), undefined);
});

test('a dial the carrier refuses leaves the board at once', async () => {
  const setup = simOnVirtualClock();
  const board = new CallStateBoard(setup.clock);
  const carrier = board.track({ originate: () => Promise.reject(new Error('no line')) });
  const request = dial('13800000015');
  await assert.rejects(carrier.originate(request, recordCall().listener), /no line/);
  assert.equal(board.phaseOf('acct-1', request.callId), 'Idle');
});

test('liveCalls counts an account\'s ringing and answered calls until they are released', async () => {
  const setup = simOnVirtualClock();
  const board = new CallStateBoard(setup.clock);
  const carrier = board.track(setup.sim);
  const ringing = recordCall();
  await carrier.originate(dial('13800000002'), ringing.listener);
  const talking = recordCall(listenForever);
  await carrier.originate(dial('13800000015'), talking.listener);
  assert.deepEqual(board.liveCalls('acct-1'), { calling: 2, talking: 0 });
  assert.deepEqual(board.liveCalls('someone-else'), { calling: 0, talking: 0 });
  await setup.clock.runUntil(() => talking.session !== undefined);
  assert.deepEqual(board.liveCalls('acct-1'), { calling: 1, talking: 1 });
  await setup.clock.runUntil(() => ringing.outcome !== undefined);
  assert.deepEqual(board.liveCalls('acct-1'), { calling: 0, talking: 1 });
  await talking.session!.hangup();
  await setup.clock.runUntil(() => talking.outcome !== undefined);
  assert.deepEqual(board.liveCalls('acct-1'), { calling: 0, talking: 0 });
});
