import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallerNumberStore } from '../../ports/voice-resource-store.js';
import { DomainError } from '../errors.js';
import type { CallerNumberRecord } from './caller-number.js';
import { CallerNumberService, OWNERSHIP_CACHE_MS } from './caller-numbers.js';

/** An in-memory CallerNumberStore: enough to exercise the use cases' rules. */
function memoryStore(): CallerNumberStore {
  const rows: CallerNumberRecord[] = [];
  const find = (a: string, n: string) => rows.findIndex((r) => r.accountId === a && r.number === n);
  return {
    insertCallerNumber: async (r) => (find(r.accountId, r.number) >= 0 ? false : (rows.push(r), true)),
    hasCallerNumber: async (a, n) => find(a, n) >= 0,
    deleteCallerNumber: async (a, n) => {
      const i = find(a, n);
      return i >= 0 && rows.splice(i, 1).length === 1;
    },
    pageCallerNumbers: async (a) => ({ total: rows.filter((r) => r.accountId === a).length, items: rows.filter((r) => r.accountId === a) }),
  };
}

const clock = { now: () => 1000 } as never;
const isError = (code: string, param: string) => (e: unknown) => e instanceof DomainError && e.code === code && e.param === param;

test('a number is stored trimmed, once per account', async () => {
  const numbers = new CallerNumberService(memoryStore(), clock);
  assert.deepEqual(await numbers.add('a', ' 057100000000 '), { accountId: 'a', number: '057100000000', createdAt: 1000 });
  await assert.rejects(numbers.add('a', '057100000000'), isError('AlreadyExists', 'PhoneNumber'));
  await numbers.add('b', '057100000000');
  await assert.rejects(numbers.add('a', '12-34567'), isError('InvalidArgument', 'PhoneNumber'));
});

test('CalledShowNumber must be owned; empty only with a public-mode template', async () => {
  const numbers = new CallerNumberService(memoryStore(), clock);
  await numbers.add('a', '057100000000');
  assert.equal(await numbers.showNumberFor('a', '057100000000', { publicMode: false }), '057100000000');
  assert.equal(await numbers.showNumberFor('a', '', { publicMode: true }), undefined);
  assert.equal(await numbers.showNumberFor('a', undefined, { publicMode: true }), undefined);
  await assert.rejects(numbers.showNumberFor('a', '', { publicMode: false }), isError('InvalidArgument', 'CalledShowNumber'));
  await assert.rejects(numbers.showNumberFor('b', '057100000000', { publicMode: true }), isError('InvalidArgument', 'CalledShowNumber'));
  await numbers.remove('a', '057100000000');
  await assert.rejects(numbers.showNumberFor('a', '057100000000', { publicMode: false }), /not one of the account's caller numbers/);
  await assert.rejects(numbers.remove('a', '057100000000'), isError('NotFound', 'PhoneNumber'));
});

test('ownership is read once per OWNERSHIP_CACHE_MS; a removal through this service is seen at once, through another process after the cache time', async () => {
  const store = memoryStore();
  let reads = 0;
  const counting: CallerNumberStore = { ...store, hasCallerNumber: (a, n) => (reads++, store.hasCallerNumber(a, n)) };
  let now = 1000;
  const numbers = new CallerNumberService(counting, { now: () => now } as never);
  await numbers.add('a', '057100000000');
  assert.equal(await numbers.isOwnedCallerNumber('a', '057100000000'), true);
  assert.equal(await numbers.isOwnedCallerNumber('a', '057100000000'), true);
  assert.equal(reads, 1, 'the second check is served from the cache');
  await store.deleteCallerNumber('a', '057100000000'); // another process removes it
  assert.equal(await numbers.isOwnedCallerNumber('a', '057100000000'), true, 'still cached');
  now += OWNERSHIP_CACHE_MS;
  assert.equal(await numbers.isOwnedCallerNumber('a', '057100000000'), false, 'seen once the cache time has passed');
  await numbers.add('a', '057100000000');
  assert.equal(await numbers.isOwnedCallerNumber('a', '057100000000'), true, 'an add here is seen at once');
  await numbers.remove('a', '057100000000');
  assert.equal(await numbers.isOwnedCallerNumber('a', '057100000000'), false, 'a removal here is seen at once');
});
