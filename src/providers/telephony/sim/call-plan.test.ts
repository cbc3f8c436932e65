import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DYVMS_STATUS_CODE } from '../../../core/calls/call-result.js';
import { planCall } from './call-plan.js';
import { MAGIC_SUFFIXES, magicBehaviour } from './magic-numbers.js';
import { DEFAULT_SIM_MODEL, parseSimModel } from './sim-model.js';

test('a plan is a pure function of seed, number and attempt id', () => {
  const input = { callee: '13912345678', attemptId: 'att-1' };
  assert.deepEqual(planCall(DEFAULT_SIM_MODEL, 5, input), planCall(DEFAULT_SIM_MODEL, 5, { ...input }));
  const variants = new Set(
    Array.from({ length: 50 }, (_, i) => JSON.stringify(planCall(DEFAULT_SIM_MODEL, 5, { ...input, attemptId: `att-${i}` }))),
  );
  assert.ok(variants.size > 45, 'another attempt draws again');
});

test('a magic number changes the outcome only, never the durations drawn', () => {
  const model = parseSimModel({ outcomes: { ANSWERED: 1 } });
  for (let i = 0; i < 20; i++) {
    const input = { callee: '13900000008', attemptId: `a${i}` };
    const drawn = planCall(model, 9, input, false);
    const forced = planCall(model, 9, input, true);
    assert.equal(drawn.result, 'ANSWERED');
    assert.equal(forced.result, 'CALL_REJECTED');
    assert.equal(forced.forced, true);
    assert.equal(forced.setupMs, drawn.setupMs);
    assert.equal(forced.ringMs, drawn.ringMs, 'rejected after the ring time the answer would have taken');
    assert.equal(forced.patienceMs, drawn.patienceMs);
  }
});

test('magic suffixes: digits only, the last four; retry scripts look at the attempt number', () => {
  assert.equal(magicBehaviour('+86 139-0000-0003')?.result, 'POWERED_OFF');
  assert.equal(magicBehaviour('13900000099'), undefined);
  assert.equal(magicBehaviour('001'), undefined);
  const retry = (attempt?: number) => planCall(DEFAULT_SIM_MODEL, 1, { callee: '13900000016', attemptId: 'x', ...(attempt ? { attempt } : {}) });
  assert.equal(retry().result, 'USER_BUSY');
  assert.equal(retry(1).result, 'USER_BUSY');
  assert.equal(retry(3).result, 'ANSWERED');
  const never = planCall(DEFAULT_SIM_MODEL, 1, { callee: '13900000015', attemptId: 'x' });
  assert.equal(never.patienceMs, Infinity);
  assert.equal(planCall(DEFAULT_SIM_MODEL, 1, { callee: '13900000015', attemptId: 'x' }, false).patienceMs < Infinity, true);
});

test('docs/simulator.md lists exactly the magic numbers the simulator knows, with their status codes', () => {
  const doc = readFileSync(new URL('../../../../docs/simulator.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `(\d{4})` \| ([A-Z_]+)[^|]*\| ([\d /]+) \|/gm)];
  assert.deepEqual(rows.map((r) => r[1]), Object.keys(MAGIC_SUFFIXES));
  for (const [, suffix, first, codes] of rows) {
    const magic = MAGIC_SUFFIXES[suffix!]!;
    assert.equal(first, magic.firstAttempt ?? magic.result, suffix);
    assert.equal(codes!.split('/')[0]!.trim(), DYVMS_STATUS_CODE[magic.firstAttempt ?? magic.result], suffix);
  }
});
