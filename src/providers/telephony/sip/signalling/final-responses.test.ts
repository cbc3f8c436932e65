import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DYVMS_STATUS_CODE, isCallResult, type CallResult } from '../../../../core/calls/call-result.js';
import { FINAL_RESPONSE_TABLE, mapFinalResponse, mapLocalEnding, type FinalContext, type LocalEnding } from './final-responses.js';

const QUIET: FinalContext = { rang: false };
const LOCAL: readonly LocalEnding[] = ['ring-timeout', 'platform-cancel', 'no-response', 'transport-failure', 'max-duration'];

/** The expectations, written independently of the table: every row the table must have, and its result. */
const EXPECTED: Readonly<Record<string, CallResult>> = {
  '2xx': 'ANSWERED', '3xx': 'CALL_FORWARDING', '400': 'OTHERS', '401': 'OTHERS', '402': 'OPERATOR_BLOCK',
  '403': 'OPERATOR_BLOCK', '404': 'INVALID_NUMBER', '407': 'OTHERS', '408': 'NO_ANSWER', '410': 'INVALID_NUMBER',
  '480': 'UNAVAILABLE', '480-after-ringing': 'NO_ANSWER', '484': 'INVALID_NUMBER', '485': 'INVALID_NUMBER',
  '486': 'USER_BUSY', '487': 'OTHERS', '488': 'OTHERS', '4xx': 'OTHERS', '500': 'NETWORK_BUSY', '501': 'OTHERS',
  '502': 'NETWORK_BUSY', '503': 'NETWORK_BUSY', '504': 'NETWORK_BUSY', '5xx': 'NETWORK_BUSY', '600': 'USER_BUSY',
  '603': 'CALL_REJECTED', '604': 'INVALID_NUMBER', '606': 'OTHERS', '607': 'CALL_REJECTED', '608': 'OPERATOR_BLOCK',
  '6xx': 'OTHERS', 'ring-timeout': 'NO_ANSWER', 'platform-cancel': 'CANCEL', 'no-response': 'NETWORK_BUSY',
  'transport-failure': 'NETWORK_BUSY', 'max-duration': 'ANSWERED',
};

/** How a row is reached through the public functions. */
function reach(key: string) {
  if ((LOCAL as readonly string[]).includes(key)) return mapLocalEnding(key as LocalEnding);
  if (key === '480-after-ringing') return mapFinalResponse(480, { rang: true });
  const klass = /^([2-6])xx$/.exec(key);
  // A class row is reached by a code of its class that has no row of its own.
  if (klass) return mapFinalResponse(Number(klass[1]) * 100 + 99, QUIET);
  return mapFinalResponse(Number(key), QUIET);
}

test('every row of the table is reached through the mapping and gives the expected result and status code', () => {
  // Object.keys puts integer-like keys first, so compare as sets.
  assert.deepEqual(FINAL_RESPONSE_TABLE.map((row) => row.key).sort(), Object.keys(EXPECTED).sort());
  for (const row of FINAL_RESPONSE_TABLE) {
    assert.ok(isCallResult(row.result), row.key);
    assert.ok(row.why.length > 10, `${row.key} says why`);
    const mapped = reach(row.key);
    assert.deepEqual(mapped, { key: row.key, result: EXPECTED[row.key], statusCode: DYVMS_STATUS_CODE[EXPECTED[row.key]!] }, row.key);
  }
});

test('the cases the issue names', () => {
  const result = (status: number, context: FinalContext = QUIET) => mapFinalResponse(status, context).result;
  assert.equal(result(486), 'USER_BUSY');
  assert.equal(mapFinalResponse(486, QUIET).statusCode, '200002');
  assert.equal(result(404), 'INVALID_NUMBER');
  assert.equal(mapFinalResponse(404, QUIET).statusCode, '200004');
  assert.equal(result(484), 'INVALID_NUMBER');
  assert.equal(result(604), 'INVALID_NUMBER');
  assert.equal(result(603), 'CALL_REJECTED');
  assert.equal(mapFinalResponse(603, QUIET).statusCode, '200111');
  assert.equal(result(408), 'NO_ANSWER');
  assert.equal(result(480), 'UNAVAILABLE');
  assert.equal(result(480, { rang: true }), 'NO_ANSWER');
  assert.equal(result(503), 'NETWORK_BUSY');
  assert.equal(result(200), 'ANSWERED');
  assert.equal(result(202), 'ANSWERED');
});

test('a 487 is judged by why waihu cancelled, and is OTHERS when waihu did not', () => {
  assert.deepEqual(mapFinalResponse(487, { rang: true, cancelledFor: 'ring-timeout' }), { key: 'ring-timeout', result: 'NO_ANSWER', statusCode: '200003' });
  assert.deepEqual(mapFinalResponse(487, { rang: false, cancelledFor: 'platform-cancel' }), { key: 'platform-cancel', result: 'CANCEL', statusCode: '9996' });
  assert.equal(mapFinalResponse(487, { rang: true }).result, 'OTHERS');
  assert.equal(mapFinalResponse(486, { rang: true, cancelledFor: 'ring-timeout' }).result, 'USER_BUSY', 'a busy that crossed our CANCEL is still busy');
  assert.equal(mapFinalResponse(200, { rang: true, cancelledFor: 'platform-cancel' }).result, 'ANSWERED', 'a 200 that crossed the CANCEL was answered');
});

test('codes without their own row fall back to their class; non-final codes are refused', () => {
  assert.equal(mapFinalResponse(302, QUIET).key, '3xx');
  assert.equal(mapFinalResponse(415, QUIET).key, '4xx');
  assert.equal(mapFinalResponse(580, QUIET).key, '5xx');
  assert.equal(mapFinalResponse(699, QUIET).key, '6xx');
  assert.throws(() => mapFinalResponse(183, QUIET), RangeError);
  assert.throws(() => mapFinalResponse(700, QUIET), RangeError);
});

test('docs/sip.md lists exactly the table, with the same results, status codes and reasons', () => {
  const doc = readFileSync(new URL('../../../../../docs/sip.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([^`]+)` \| ([A-Z_]+) \| (\d+) \| (.+) \|$/gm)];
  assert.deepEqual(rows.map((r) => r[1]), FINAL_RESPONSE_TABLE.map((row) => row.key));
  for (const [, key, result, code, why] of rows) {
    const row = FINAL_RESPONSE_TABLE.find((r) => r.key === key)!;
    assert.equal(result, row.result, key);
    assert.equal(code, DYVMS_STATUS_CODE[row.result], key);
    assert.equal(why, row.why, key);
  }
});
