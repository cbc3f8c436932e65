// UploadRobotTaskCalledFile's parsing: numbers, the `all` row and per-number rows, and errors naming the parameter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../errors.js';
import { parseCalledUpload } from './robot-task-called.js';

const HEAD = '["name","amount"]';

function refusedFor(param: string, message: RegExp) {
  return (err: unknown) => err instanceof DomainError && err.code === 'InvalidArgument' && err.param === param && message.test(err.message);
}

test('a number\'s own row wins over the all row; numbers without either get no variables; repeats are called once', () => {
  const rows = parseCalledUpload({
    CalledNumber: '13800000001, 13800000002,13800000001', TtsParamHead: HEAD,
    TtsParam: JSON.stringify([{ number: 'ALL', params: ['客户', 100] }, { number: '13800000002', params: ['李女士', '200.5'] }]),
  });
  assert.deepEqual(rows.map((r) => [r.number, r.variables]), [['13800000001', { name: '客户', amount: '100' }], ['13800000002', { name: '李女士', amount: '200.5' }]]);
  assert.deepEqual(parseCalledUpload({ CalledNumber: '13800000001' }).map((r) => r.variables), [{}]);
});

test('bad input names the parameter and the row', () => {
  assert.throws(() => parseCalledUpload({ CalledNumber: '' }), refusedFor('CalledNumber', /at least one number/));
  assert.throws(() => parseCalledUpload({ CalledNumber: '13800000001,,13800000002' }), refusedFor('CalledNumber', /item 2 is empty/));
  assert.throws(() => parseCalledUpload({ CalledNumber: '13800000001', TtsParamHead: HEAD }), refusedFor('TtsParam', /required with TtsParamHead/));
  assert.throws(() => parseCalledUpload({ CalledNumber: '13800000001', TtsParamHead: '[1]', TtsParam: '[]' }), refusedFor('TtsParamHead', /TtsParamHead\[0\]/));
  assert.throws(() => parseCalledUpload({ CalledNumber: '13800000001', TtsParamHead: HEAD, TtsParam: '[{"number":"all","params":["a","b"]},{"number":"all","params":["c","d"]}]' }),
    refusedFor('TtsParam', /TtsParam\[1\]\.number "all" has a row already/));
  assert.throws(() => parseCalledUpload({ CalledNumber: '13800000001', TtsParamHead: HEAD, TtsParam: '["x"]' }), refusedFor('TtsParam', /TtsParam\[0\] must be an object/));
  assert.throws(() => parseCalledUpload({ CalledNumber: '13800000001', TtsParamHead: HEAD, TtsParam: '[{"number":"13800000001","params":["a",{"x":1}]}]' }),
    refusedFor('TtsParam', /"amount" must be a string, number or boolean/));
});
