import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { optionalIdList, readPage, requireId } from './query-values.js';

const refusal = (param: string) => (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param;

test('PageNo and PageSize default to 1 and 10; PageSize is at most 100', () => {
  assert.deepEqual(readPage({}), { pageNo: 1, pageSize: 10 });
  assert.deepEqual(readPage({ PageNo: '3', PageSize: '100' }), { pageNo: 3, pageSize: 100 });
  assert.throws(() => readPage({ PageSize: 101 }), refusal('PageSize'));
  assert.throws(() => readPage({ PageNo: 0 }), refusal('PageNo'));
});

test('ids are trimmed text; lists take strings or numbers, at most the limit, none empty', () => {
  assert.equal(requireId(' 42 ', 'TaskId'), '42');
  assert.throws(() => requireId('', 'TaskId'), refusal('TaskId'));
  assert.deepEqual(optionalIdList(['1', 2], 'DetailIdList'), ['1', '2']);
  assert.deepEqual(optionalIdList('["7"]', 'DetailIdList'), ['7']);
  assert.equal(optionalIdList([], 'DetailIdList'), undefined);
  assert.throws(() => optionalIdList(['1', ''], 'DetailIdList'), refusal('DetailIdList'));
  assert.throws(() => optionalIdList(['1', '2', '3'], 'DetailIds', 2), refusal('DetailIds'));
});
