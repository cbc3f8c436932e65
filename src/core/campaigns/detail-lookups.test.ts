import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { detailFilter } from './detail-lookups.js';

const refusal = (param: string, message: RegExp) => (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param && message.test(e.message);

test('QueryAiCallDetailPage parameters become the store filter: Status to states, minutes to seconds', () => {
  assert.deepEqual(detailFilter({ Status: '0' }).states, [0, 1, 2, 3]);
  assert.deepEqual(detailFilter({ Status: 1 }).states, [4]);
  assert.deepEqual(detailFilter({ Status: '2' }).states, [5]);
  const f = detailFilter({
    Status: 1, BatchId: '11', CalledNumber: ' 13900001111 ', CallResult: 'answered', MajorIntent: 'A',
    MinConversationDuration: '1', MaxConversationDuration: '3', StartImportedTime: '10', EndImportedTime: '20',
    StartCallingTime: 30, EndCallingTime: 40, OutId: 'o', DetailIds: ['5', '6'],
  });
  assert.deepEqual(
    [f.batchId, f.number, f.callResult, f.majorIntent, f.minDurationSeconds, f.maxDurationSeconds, f.importedFrom, f.importedTo, f.callingFrom, f.callingTo, f.outId, f.detailIds],
    ['11', '13900001111', 'ANSWERED', 'A', 60, 180, 10, 20, 30, 40, 'o', ['5', '6']],
  );
  assert.equal(f.encryptionType, undefined, 'no EncryptionType filter unless given');
});

test('CalledNumber with EncryptionType is checked as a digest of that type and lower-cased', () => {
  const digest = 'AB'.repeat(16);
  assert.deepEqual(detailFilter({ Status: 1, CalledNumber: digest, EncryptionType: '1' }), { ...detailFilter({ Status: 1 }), number: digest.toLowerCase(), encryptionType: 1 });
  assert.throws(() => detailFilter({ Status: 1, CalledNumber: '13900001111', EncryptionType: 2 }), refusal('CalledNumber', /SHA256 digest/));
});

test('bad filters are refused naming the parameter', () => {
  assert.throws(() => detailFilter({}), refusal('Status', /Status is required/));
  assert.throws(() => detailFilter({ Status: 3 }), refusal('Status', /between 0 and 2/));
  assert.throws(() => detailFilter({ Status: 1, CallResult: 'MAYBE' }), refusal('CallResult', /one of ANSWERED/));
  assert.throws(() => detailFilter({ Status: 1, DetailIds: Array.from({ length: 101 }, (_, i) => String(i)) }), refusal('DetailIds', /at most 100/));
  assert.throws(() => detailFilter({ Status: 1, StartImportedTime: 5, EndImportedTime: 4 }), refusal('EndImportedTime', /not be less than StartImportedTime/));
  assert.throws(() => detailFilter({ Status: 1, MinConversationDuration: -1 }), refusal('MinConversationDuration', /between/));
});
