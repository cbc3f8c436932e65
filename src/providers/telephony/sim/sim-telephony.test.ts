import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CALL_RESULTS, DYVMS_STATUS_CODE, type CallResult } from '../../../core/calls/call-result.js';
import { loadConfig } from '../../../config/config.js';
import { VirtualClock } from '../../../ports/clock.js';
import type { CallOutcome } from '../../../ports/telephony.js';
import { planCall } from './call-plan.js';
import { MAGIC_SUFFIXES } from './magic-numbers.js';
import { DEFAULT_SIM_MODEL, parseSimModel, staticModelSource } from './sim-model.js';
import { SimTelephony } from './sim-telephony.js';
import { T0, dial, listenForever, recordCall, runCall, sayHello, simOnVirtualClock } from './sim-test-kit.js';

describe('a simulated call', () => {
  test('an answered call reports ringing, answer and end at the planned times, and the ledger has the dial first', async () => {
    const setup = simOnVirtualClock();
    const request = dial('13800130000', { variables: { name: '张三' } });
    const call = recordCall(sayHello);
    const originated = setup.sim.originate(request, call.listener);
    assert.equal(setup.ledger.length, 1, 'the ledger line is written before originate returns control');
    assert.deepEqual(setup.ledger[0], {
      at: T0,
      attemptId: request.attemptId,
      callId: request.callId,
      accountId: 'acct-1',
      caller: '057100001111',
      callee: '13800130000',
    });
    await originated;
    await setup.clock.runUntil(() => call.outcome !== undefined);
    const plan = planCall(DEFAULT_SIM_MODEL, 7, request);
    assert.equal(plan.result, 'ANSWERED');
    const ring = plan.setupMs;
    const answer = ring + plan.ringMs;
    assert.deepEqual(call.events, [`ringing@${ring}`, `answered@${answer}`, `ended@${answer + 500}`]);
    assert.deepEqual(call.outcome, {
      result: 'ANSWERED',
      statusCode: '200000',
      ringAt: T0 + ring,
      answerAt: T0 + answer,
      endAt: T0 + answer + 500,
      durationMs: 500,
      hangupBy: 'robot',
    });
    assert.deepEqual(call.session?.variables, { name: '张三' });
    assert.equal(setup.sim.activeCalls, 0);
  });

  test('every magic number forces its outcome, with the documented status code, ringing and hang-up side', async () => {
    const setup = simOnVirtualClock({ timeScale: 0 });
    for (const [suffix, magic] of Object.entries(MAGIC_SUFFIXES)) {
      for (const attempt of [1, 2]) {
        const { outcome, events } = await runCall(setup, dial(`1391234${suffix}`, { attempt, sessionTimeoutMs: 600_000 }));
        const expected = attempt === 1 && magic.firstAttempt ? magic.firstAttempt : magic.result;
        const label = `${suffix} attempt ${attempt}`;
        assert.equal(outcome.result, expected, label);
        assert.equal(outcome.statusCode, DYVMS_STATUS_CODE[expected], label);
        const rings = ['ANSWERED', 'NO_ANSWER', 'CALL_REJECTED', 'CANCEL'].includes(expected);
        assert.equal(events[0]?.startsWith('ringing'), rings, label);
        assert.equal(outcome.answerAt !== undefined, expected === 'ANSWERED', label);
        if (expected !== 'ANSWERED') {
          assert.equal(outcome.hangupBy, ['USER_BUSY', 'CALL_REJECTED'].includes(expected) ? 'callee' : 'system', label);
          assert.ok(outcome.failureReason, label);
        }
      }
    }
    const covered = new Set(Object.values(MAGIC_SUFFIXES).map((m) => m.result));
    assert.deepEqual([...covered].sort(), [...CALL_RESULTS].sort(), 'one suffix per CallResult');
  });

  test('a number the network cannot route is INVALID_NUMBER, without ringing', async () => {
    const { outcome, events } = await runCall(simOnVirtualClock(), dial('not-a-number'));
    assert.equal(outcome.result, 'INVALID_NUMBER');
    assert.ok(!events.some((e) => e.startsWith('ringing')));
  });

  test('time scale 0 completes a whole answered call without moving the clock', async () => {
    const clock = new VirtualClock(T0);
    const sim = new SimTelephony({ clock, ledger: { record: () => undefined }, timeScale: 0, seed: 7 });
    const call = recordCall(async (session) => {
      await session.say('您好，这里是物业服务中心，提醒您明天上午停水。');
      await session.listen({ timeoutMs: 5000 });
    });
    await sim.originate(dial('13800000000'), call.listener);
    const outcome = await call.ended;
    assert.equal(clock.now(), T0);
    assert.equal(clock.pendingTimers, 0);
    assert.equal(outcome.result, 'ANSWERED');
    assert.equal(outcome.endAt, T0);
    assert.equal(outcome.durationMs, 23 * 250 + 5000, 'talk time is still reported in simulated time');
  });

  test('outcomes and talk times are the same at every time scale; clock times shrink with it', async () => {
    const atScale = async (timeScale: number) => {
      const setup = simOnVirtualClock({ timeScale });
      return runCall(setup, dial('13912340000', { attemptId: 'fixed-attempt' }), listenForever);
    };
    const [full, tenth] = [await atScale(1), await atScale(0.1)];
    assert.equal(full.outcome.result, tenth.outcome.result);
    assert.equal(full.outcome.durationMs, tenth.outcome.durationMs);
    assert.ok(Math.abs(full.outcome.endAt - T0 - (tenth.outcome.endAt - T0) * 10) <= 5 * 4, 'up to 0.5 ms rounding per phase');
    assert.ok(Number.isInteger(tenth.outcome.endAt));
  });

  test('the callee hangs up when their patience runs out', async () => {
    const setup = simOnVirtualClock();
    const request = dial('13800000000');
    const { outcome } = await runCall(setup, request, listenForever);
    const plan = planCall(DEFAULT_SIM_MODEL, 7, request);
    assert.equal(outcome.hangupBy, 'callee');
    assert.equal(outcome.durationMs, plan.patienceMs);
    assert.equal(outcome.endAt - outcome.answerAt!, plan.patienceMs);
    assert.equal(outcome.failureReason, undefined);
  });

  test('SessionTimeout cuts the call (hung up by system), on the clock and at scale 0 alike', async () => {
    for (const timeScale of [1, 0]) {
      const setup = simOnVirtualClock({ timeScale });
      const { outcome } = await runCall(setup, dial('13800000015', { sessionTimeoutMs: 60_000 }), listenForever);
      assert.equal(outcome.result, 'ANSWERED');
      assert.equal(outcome.hangupBy, 'system');
      assert.match(outcome.failureReason ?? '', /session timeout \(60 s\)/);
      assert.equal(outcome.durationMs, 60_000);
      assert.equal(outcome.endAt - outcome.answerAt!, 60_000 * timeScale);
    }
  });

  test('SessionTimeout also cuts a flow that is busy outside the session', async () => {
    const setup = simOnVirtualClock();
    const { outcome } = await runCall(setup, dial('13800000015', { sessionTimeoutMs: 30_000 }), async () => {
      await setup.clock.sleep(3600_000); // e.g. waiting on a slow model
    });
    assert.equal(outcome.hangupBy, 'system');
    assert.equal(outcome.endAt - outcome.answerAt!, 30_000);
  });

  test('a callee who never hangs up is cut at the longest simulated call when no SessionTimeout is set', async () => {
    const { outcome } = await runCall(simOnVirtualClock({ timeScale: 0 }), dial('13800000015'), listenForever);
    assert.equal(outcome.hangupBy, 'system');
    assert.equal(outcome.durationMs, 3600_000);
  });

  test('a failing flow ends the call as hung up by the system, with the reason', async () => {
    const { outcome } = await runCall(simOnVirtualClock(), dial('13800000000'), async (session) => {
      await session.say('hi');
      throw new Error('script error');
    });
    assert.equal(outcome.result, 'ANSWERED');
    assert.equal(outcome.hangupBy, 'system');
    assert.equal(outcome.failureReason, 'flow failed: script error');
  });

  test('aborting the dial cancels a ringing call and hangs up an answered one', async () => {
    const setup = simOnVirtualClock();
    const ringing = new AbortController();
    const first = recordCall();
    await setup.sim.originate(dial('13800000002', { signal: ringing.signal }), first.listener);
    await setup.clock.runUntil(() => first.events.length === 1);
    ringing.abort();
    const cancelled = await first.ended;
    assert.equal(cancelled.result, 'CANCEL');
    assert.equal(cancelled.statusCode, '9996');
    assert.ok(cancelled.ringAt !== undefined);

    const talking = new AbortController();
    const second = recordCall(listenForever);
    await setup.sim.originate(dial('13800000015', { signal: talking.signal }), second.listener);
    await setup.clock.runUntil(() => second.session !== undefined);
    await setup.clock.advanceAsync(20_000);
    talking.abort();
    const cut = await second.ended;
    assert.equal(cut.result, 'ANSWERED');
    assert.equal(cut.hangupBy, 'system');
    assert.equal(cut.durationMs, 20_000);
  });

  test('drain waits for every call in progress', async () => {
    const setup = simOnVirtualClock({ timeScale: 0 });
    const calls = ['13800000000', '13800000001', '13800000002'].map(() => recordCall());
    await Promise.all(calls.map((c, i) => setup.sim.originate(dial(`1380000000${i}`), c.listener)));
    await setup.sim.drain();
    assert.equal(setup.sim.activeCalls, 0);
    assert.ok(calls.every((c) => c.outcome));
  });
});

describe('determinism and the outcome model', () => {
  test('the same seed, number and attempt give the same call; another attempt or seed may differ', async () => {
    const outcomesOf = async (seed: number, attemptPrefix: string) => {
      const setup = simOnVirtualClock({ timeScale: 0, seed });
      const results: CallOutcome[] = [];
      for (let i = 0; i < 200; i++) {
        results.push((await runCall(setup, dial(`1390000${String(i).padStart(4, '0')}7`, { attemptId: `${attemptPrefix}${i}` }))).outcome);
      }
      return results.map((o) => `${o.result}/${o.durationMs}/${(o.ringAt ?? 0) - T0}`);
    };
    const first = await outcomesOf(1, 'a');
    assert.deepEqual(await outcomesOf(1, 'a'), first);
    const otherAttempts = await outcomesOf(1, 'b');
    const otherSeed = await outcomesOf(2, 'a');
    assert.ok(first.filter((o, i) => o !== otherAttempts[i]).length > 100);
    assert.ok(first.filter((o, i) => o !== otherSeed[i]).length > 100);
  });

  test('over 20 000 calls the outcome frequencies match the model', async () => {
    const custom = { ANSWERED: 0.3, NO_ANSWER: 0.3, USER_BUSY: 0.15, POWERED_OFF: 0.15, INVALID_NUMBER: 0.1 };
    for (const [name, outcomes] of [
      ['default', DEFAULT_SIM_MODEL.outcomes],
      ['custom', custom],
    ] as const) {
      const setup = simOnVirtualClock({ timeScale: 0, models: staticModelSource({ 'acct-1': { outcomes } }) });
      const counts = new Map<CallResult, number>();
      const n = 20_000;
      const pending: Array<Promise<CallOutcome>> = [];
      for (let i = 0; i < n; i++) {
        const call = recordCall();
        // Non-magic numbers: the last four digits are never 00xx.
        await setup.sim.originate(dial(`13${String(i).padStart(5, '0')}4321`), call.listener);
        pending.push(call.ended);
      }
      for (const outcome of await Promise.all(pending)) counts.set(outcome.result, (counts.get(outcome.result) ?? 0) + 1);
      for (const result of CALL_RESULTS) {
        const p = (outcomes as Partial<Record<CallResult, number>>)[result] ?? 0;
        const observed = (counts.get(result) ?? 0) / n;
        // Five standard errors: a real bias fails, sampling noise never does.
        const tolerance = 5 * Math.sqrt((p * (1 - p)) / n) + 1e-9;
        assert.ok(Math.abs(observed - p) <= tolerance, `${name} ${result}: observed ${observed}, expected ${p} ± ${tolerance}`);
      }
    }
  });

  test('a model with only busy numbers makes every call busy', async () => {
    const models = staticModelSource({ 'acct-1': { outcomes: { USER_BUSY: 1 } } });
    const setup = simOnVirtualClock({ timeScale: 0, models });
    const { outcome } = await runCall(setup, dial('13912345678'));
    assert.equal(outcome.result, 'USER_BUSY');
    const other = await runCall(setup, dial('13912345678', { accountId: 'acct-2' }));
    assert.ok(other.outcome, 'other accounts use the default model');
  });

  test('raw models from a source are validated at the dial, after the ledger line', async () => {
    const setup = simOnVirtualClock({ models: { modelFor: () => ({ outcomes: { ANSWERED: 0.5 } }) as never } });
    await assert.rejects(setup.sim.originate(dial('13912345678'), recordCall().listener), /sum to 1/);
    assert.equal(setup.ledger.length, 1);
    const fine = simOnVirtualClock({ models: { modelFor: () => parseSimModel({ outcomes: { NO_ANSWER: 1 } }) } });
    assert.equal((await runCall(fine, dial('13912345678'))).outcome.result, 'NO_ANSWER');
  });

  test('magic numbers can be switched off for forecasts of real lists', async () => {
    const clock = new VirtualClock(T0);
    const models = staticModelSource({ 'acct-1': { outcomes: { NO_ANSWER: 1 } } });
    const sim = new SimTelephony({ clock, ledger: { record: () => undefined }, timeScale: 0, seed: 7, models, magicNumbers: false });
    const call = recordCall();
    await sim.originate(dial('13800000000'), call.listener);
    assert.equal((await call.ended).result, 'NO_ANSWER');
  });

  test('bad construction and the sim settings of the configuration', () => {
    const clock = new VirtualClock(T0);
    const ledger = { record: () => undefined };
    assert.throws(() => new SimTelephony({ clock, ledger, timeScale: -1, seed: 1 }), /time scale/);
    assert.throws(() => new SimTelephony({ clock, ledger, timeScale: Number.NaN, seed: 1 }), /time scale/);
    const cwd = mkdtempSync(path.join(tmpdir(), 'waihu-sim-config-'));
    const defaults = loadConfig({}, cwd);
    assert.equal(defaults.simTimeScale, 1);
    assert.equal(defaults.simSeed, 20_260_101);
    const set = loadConfig({ WAIHU_SIM_TIME_SCALE: '0', WAIHU_SIM_SEED: '42' }, cwd);
    assert.equal(set.simTimeScale, 0);
    assert.equal(set.simSeed, 42);
    assert.throws(() => loadConfig({ WAIHU_SIM_TIME_SCALE: '-0.5' }, cwd), /WAIHU_SIM_TIME_SCALE/);
    assert.throws(() => loadConfig({ WAIHU_SIM_SEED: '1.5' }, cwd), /WAIHU_SIM_SEED/);
  });
});
