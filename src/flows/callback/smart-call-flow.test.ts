// The SmartCall flow against a real customer HTTP server, on the simulated carrier with a scripted callee: what the
// customer's server receives for each content_type, and what the callee hears for each action.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime } from '../../core/local-time.js';
import { speechMs, SIM_PLAY_MS, SIM_TRANSFER_MS } from '../../providers/telephony/sim/sim-speech.js';
import { bridgeByTransfer } from './smart-call-actions.js';
import { CALLEE, inOrder, reply, runOnSim, startCustomerServer, type CustomerScript, type SimRun } from './smart-call-test-kit.js';

/** Runs a call against a fresh customer server answering `script`. */
async function call(script: CustomerScript, run: Omit<SimRun, 'url'>) {
  const server = await startCustomerServer(script);
  try {
    return { ...(await runOnSim({ ...run, url: server.url })), received: server.received };
  } finally {
    await server.close();
  }
}

const GREETING = '您好，这里是某某银行'; // 10 slow characters: 2500 ms

test('normal: the words and their times reach the server in the query and the JSON body; play and dynamic_id follow the reply', async () => {
  const { received, turns, result, answerAt } = await call(
    inOrder(reply({ action: 'play', action_code: 'q1.wav,$amount$', action_code_param: { amount: '三百元' }, dynamic_id: 'step-2', mute_time: 2000 })),
    {
      callee: [{ kind: 'silence' }, { kind: 'say', text: '你们是哪里', afterMs: 2000 }],
      options: { voiceCode: 'welcome.wav,$name$', voiceCodeParam: { name: '张先生' }, dynamicId: 'step-1' },
    },
  );
  const opening = SIM_PLAY_MS + speechMs('张先生'); // 5750
  const heardAt = SIM_PLAY_MS + 2000 + speechMs('你们是哪里'); // 2 s after the TTS item began, after its end
  const first = received[0]!;
  assert.equal(first.query.call_id, result.sent[0]!.callId);
  assert.match(first.query.call_id!, /^\d+\^\d+$/);
  assert.equal(first.query.token, 't1', "the endpoint's own parameters are kept");
  assert.deepEqual([first.query.timestamp, first.query.content_type, first.query.dynamic_id], [String(answerAt + heardAt), 'normal', 'step-1']);
  assert.deepEqual(first.content, {
    role: 'B', identity: CALLEE, words: '你们是哪里',
    // The port reports no speech onset: an utterance that cut nothing is dated from the start of the wait.
    begin_offset: String(opening), end_offset: String(heardAt), begin_time: formatDateTime(answerAt, 'Asia/Shanghai'),
    is_playing: false,
    asr_begin_time: String(answerAt + opening), asr_end_time: String(answerAt + heardAt),
    play_begin_time: String(answerAt), play_end_time: String(answerAt + opening), dynamic_id: 'step-1',
  });
  assert.deepEqual(first.body, { call_id: first.query.call_id, timestamp: answerAt + heardAt, content_type: 'normal', content: first.content, dynamic_id: 'step-1' });
  assert.equal(first.headers['content-type'], 'application/json; charset=UTF-8');
  // The reply's prompt, then silence for the reply's mute_time, reported with the reply's dynamic_id.
  assert.deepEqual(turns.filter(([kind]) => kind === 'play' || kind === 'say').map(([kind, text]) => [kind, text]), [
    ['play', 'welcome.wav'], ['say', '张先生'], ['play', 'q1.wav'], ['say', '三百元'],
  ]);
  const second = received[1]!;
  const mutedAt = heardAt + SIM_PLAY_MS + speechMs('三百元') + 2000;
  assert.deepEqual([second.query.content_type, second.query.timestamp, second.content], ['mute', String(answerAt + mutedAt), { dynamic_id: 'step-2' }]);
  assert.equal(result.end, 'hangup');
  assert.deepEqual(result.report.turns.map((t) => [t.role, t.content, t.at]), [
    ['assistant', '[welcome.wav]', 0], ['assistant', '张先生', SIM_PLAY_MS], ['user', '你们是哪里', heardAt],
    ['assistant', '[q1.wav]', heardAt], ['assistant', '三百元', heardAt + SIM_PLAY_MS],
  ]);
});

const prompts = (turns: [string, string | undefined, number][]) => turns.filter(([k]) => k === 'play' || k === 'say').map(([k, text]) => `${k} ${text}`);
const contents = (received: { query: Record<string, string>; content: unknown }[]) => received.map((r) => [r.query.content_type, r.content]);

test('mute after mute_time of silence, dtmf for keys pressed while listening; hangup plays its action_code first', async () => {
  const { received, turns, result, outcome, answerAt } = await call(
    inOrder(reply({ action: 'donothing' }), reply({ action: 'hangup', action_code: '$bye$', action_code_param: { bye: '再见' } })),
    {
      callee: [{ kind: 'silence' }, { kind: 'dtmf', digits: '1', afterMs: 500 }],
      options: { voiceCode: '$q$', voiceCodeParam: { q: '请问您是本人吗' }, muteTimeMs: 3000 },
    },
  );
  const asked = speechMs('请问您是本人吗');
  assert.deepEqual(contents(received), [['mute', {}], ['dtmf', { dtmf_digits: '1' }]]);
  assert.deepEqual(received.map((r) => Number(r.query.timestamp) - answerAt), [asked + 3000, asked + 3000 + 500 + 300]);
  assert.equal(received[0]!.query.dynamic_id, undefined, 'no dynamic_id was ever given');
  assert.deepEqual(prompts(turns), ['say 请问您是本人吗', 'say 再见']);
  assert.deepEqual(turns.at(-1)?.slice(0, 2), ['hangup', 'robot']);
  assert.equal(outcome.hangupBy, 'robot');
  assert.equal(result.end, 'hangup');
  assert.deepEqual(result.report.dtmf, ['1']);
});

test('dtmf: collects keys with the reply settings (max, end character, timeout) and reports them, or noInputTimeout', async () => {
  const { received, turns, answerAt } = await call(
    inOrder(
      reply({ action: 'dtmf', action_code: 'press.wav', dtmf_max_numbers: 4, dtmf_end_character: '#', dtmf_nonin_overtime: 5 }),
      reply({ action: 'dtmf', dtmf_nonin_overtime: '4' }),
    ),
    {
      callee: [{ kind: 'say', text: '查余额', afterMs: 5200 }, { kind: 'dtmf', digits: '12#9', afterMs: 5100 }],
      options: { voiceCode: 'menu.wav' },
    },
  );
  assert.deepEqual(contents(received).slice(1), [['dtmf', { dtmf_digits: '12' }], ['dtmf', { dtmf_digits: 'noInputTimeout' }]]);
  const keysAt = Number(received[1]!.query.timestamp) - answerAt;
  assert.equal(Number(received[2]!.query.timestamp) - answerAt, keysAt + 4000, 'the second collection waited dtmf_nonin_overtime');
  assert.deepEqual(prompts(turns), ['play menu.wav', 'play press.wav']);
  assert.deepEqual(turns.filter(([k]) => k === 'dtmf' || k === 'pressed').map(([k, t]) => `${k} ${t ?? ''}`), ['dtmf ', 'pressed 12#9', 'dtmf ']);
});

test('transfer: plays action_code, then hands the call to number', async () => {
  const { turns, result, outcome } = await call(
    inOrder(reply({ action: 'transfer', number: '95555', action_code: '$t$', action_code_param: '{"t":"正在为您转接"}' })),
    { callee: [{ kind: 'say', text: '转人工', afterMs: 600 }], options: { voiceCode: '$a$', voiceCodeParam: { a: '您好' } } },
  );
  assert.deepEqual(prompts(turns), ['say 您好', 'say 正在为您转接']);
  assert.deepEqual(turns.at(-2)?.slice(0, 2), ['transfer', '95555']);
  assert.equal(outcome.transferredTo, '95555');
  assert.equal(result.report.transferredTo, '95555');
  assert.equal(result.end, 'transfer');
  assert.equal(outcome.durationMs, 600 + speechMs('转人工') + speechMs('正在为您转接') + SIM_TRANSFER_MS);
});

test('parallel_bridge goes through the bridge hook (on the simulator a transfer to the agent number), recorded as a tag', async () => {
  const { result, outcome, received } = await call(inOrder(reply({ action: 'parallel_bridge', cc_name: 'aliyun_cc' })), {
    callee: [{ kind: 'say', text: '找客服', afterMs: 600 }],
    options: { voiceCode: '$a$', voiceCodeParam: { a: '您好' }, parallelBridge: bridgeByTransfer('057188880000') },
  });
  assert.equal(received.length, 1);
  assert.equal(outcome.transferredTo, '057188880000');
  assert.deepEqual(result.report.tags, [{ name: 'parallel_bridge', value: '057188880000' }]);
  assert.equal(result.end, 'bridge');
});

test('parallel_bridge without a configured agent: a parallel_transfer event reports the failure and the robot keeps the call', async () => {
  const { received, result } = await call(inOrder(reply({ action: 'parallel_bridge' })), {
    callee: [{ kind: 'say', text: '找客服', afterMs: 600 }],
    options: { voiceCode: '$a$', voiceCodeParam: { a: '您好' } },
  });
  assert.deepEqual(contents(received)[1], ['parallel_transfer', { transfer_status: 'fail', fail_cause: 'no call-center agent is configured', is_monitor: false }]);
  assert.equal(result.end, 'hangup');
  assert.equal(result.report.tags.find((t) => t.name === 'parallel_bridge')?.value, 'failed: no call-center agent is configured');
});

test('ActionCodeBreak false: a callee talking over the prompt does not cut it; the event says it was playing', async () => {
  const { received, result, answerAt } = await call(inOrder(reply({ action: 'hangup' })), {
    callee: [{ kind: 'say', text: '不需要', afterMs: 1000 }],
    options: { voiceCode: '$g$', voiceCodeParam: { g: GREETING }, actionCodeBreak: false },
  });
  const content = received[0]!.content;
  assert.deepEqual([content.is_playing, content.current_media_code, content.play_end_time], [true, '$g$', String(answerAt + speechMs(GREETING))]);
  assert.deepEqual(result.report.turns.map((t) => [t.content, t.cut ?? false, t.interrupted ?? false]), [[GREETING, false, false], ['不需要', false, true]]);
});

test('ActionCodeBreak true: the barge-in cuts the prompt; break lets the cut stand', async () => {
  const { received, turns, answerAt } = await call(inOrder(reply({ action: 'break' })), {
    callee: [{ kind: 'say', text: '不需要', afterMs: 1000 }],
    options: { voiceCode: '$g$', voiceCodeParam: { g: GREETING }, muteTimeMs: 2000 },
  });
  const first = received[0]!.content;
  assert.deepEqual(
    [first.is_playing, first.current_media_code, first.play_end_time, first.begin_offset, first.end_offset, first.asr_begin_time],
    [true, '$g$', '0', '1000', String(1000 + speechMs('不需要')), String(answerAt + 1000)],
  );
  assert.deepEqual(prompts(turns), [`say ${GREETING}`]);
  assert.deepEqual(contents(received).map(([type]) => type), ['normal', 'mute']);
});

test('continue (and donothing) after a barge-in: the cut prompt goes on from the item that was cut', async () => {
  for (const action of ['continue', 'donothing']) {
    const { turns } = await call(inOrder(reply({ action })), {
      callee: [{ kind: 'silence' }, { kind: 'say', text: '嗯', afterMs: 1000 }],
      options: { voiceCode: 'intro.wav,$g$,outro.wav', voiceCodeParam: { g: GREETING }, muteTimeMs: 2000 },
    });
    assert.deepEqual(prompts(turns), ['play intro.wav', `say ${GREETING}`, `say ${GREETING}`, 'play outro.wav'], action);
  }
});

test('action_code_break wins over action_break in a reply', async () => {
  const run = async (flags: Record<string, boolean>) => {
    const { result } = await call(inOrder(reply({ action: 'play', action_code: '$x$', action_code_param: { x: GREETING }, ...flags })), {
      callee: [{ kind: 'say', text: '喂', afterMs: 300 }, { kind: 'say', text: '不用了', afterMs: 1000 }],
      options: { voiceCode: '$a$', voiceCodeParam: { a: '您好' } },
    });
    return result.report.turns.find((t) => t.content === GREETING)?.cut ?? false;
  };
  assert.equal(await run({ action_break: false, action_code_break: true }), true);
  assert.equal(await run({ action_break: true, action_code_break: false }), false);
  assert.equal(await run({ action_break: false }), false);
  assert.equal(await run({}), true, 'interruptible by default');
});

test('timebreak: speech as long as action_code_time_break stops the prompt for good; a timebreak event precedes the words', async () => {
  const words = '我现在不方便接电话';
  const { received, turns, answerAt } = await call(inOrder(reply({ action: 'continue' }), reply({ action: 'hangup' })), {
    callee: [{ kind: 'say', text: words, afterMs: 1000 }],
    options: { voiceCode: '$g$', voiceCodeParam: { g: GREETING }, actionCodeTimeBreakMs: 1500, dynamicId: 'd1' },
  });
  assert.deepEqual(contents(received)[0], ['timebreak', {
    current_media_code: '$g$', asr_begin_time: String(answerAt + 1000), play_begin_time: String(answerAt), dynamic_id: 'd1',
  }]);
  const normal = received[1]!.content;
  assert.deepEqual([received[1]!.query.content_type, normal.words, normal.is_playing, normal.play_end_time], ['normal', words, false, String(answerAt + 1000)]);
  assert.deepEqual(prompts(turns), [`say ${GREETING}`], 'continue does not bring back a prompt stopped by a time break');
});

test('timebreak: shorter speech is an ordinary barge-in, reported as normal while playing', async () => {
  const { received } = await call(inOrder(reply({ action: 'hangup' })), {
    callee: [{ kind: 'say', text: '嗯', afterMs: 1000 }],
    options: { voiceCode: '$g$', voiceCodeParam: { g: GREETING }, actionCodeTimeBreakMs: 1500 },
  });
  assert.deepEqual(received.map((r) => [r.query.content_type, r.content.is_playing]), [['normal', true]]);
});
