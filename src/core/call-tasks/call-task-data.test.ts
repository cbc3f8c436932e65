import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../ports/clock.js';
import { parseCallTaskData } from './call-task-data.js';
import { parseFireTime } from './call-task-fire-time.js';
import { CallTaskIds } from './call-task-ids.js';

const dataError = (pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof Error && (error as { param?: string }).param === 'Data', 'the error names Data');
  assert.match(error.message, pattern);
  return true;
};

test('LIST data: comma-separated callees, blanks trimmed, no variables', () => {
  assert.deepEqual(parseCallTaskData('LIST', ' 13900000001 ,057188330001,85291234567'), {
    paramNames: [],
    callees: [{ number: '13900000001', variables: {} }, { number: '057188330001', variables: {} }, { number: '85291234567', variables: {} }],
  });
  assert.throws(() => parseCallTaskData('LIST', '13900000001;13900000002'), dataError(/callee 1 "13900000001;13900000002"/));
  assert.throws(() => parseCallTaskData('LIST', '{"calleeList":[]}'), dataError(/send DataType JSON/));
});

test("JSON data: the doc's shape, params lined up with paramNames; numbers become text", () => {
  const data = JSON.stringify({ paramNames: ['name', 'code'], calleeList: [{ callee: '13900000001', params: ['张三', 1234] }] });
  assert.deepEqual(parseCallTaskData('JSON', data), { paramNames: ['name', 'code'], callees: [{ number: '13900000001', variables: { name: '张三', code: '1234' } }] });
  assert.deepEqual(parseCallTaskData('JSON', '{"calleeList":[{"callee":"13900000001"}]}').callees, [{ number: '13900000001', variables: {} }]);
  assert.throws(() => parseCallTaskData('JSON', '{"paramNames":["a","a"],"calleeList":[]}'), dataError(/names "a" twice/));
  assert.throws(() => parseCallTaskData('JSON', '{"paramNames":["a"],"calleeList":[{"callee":"13900000001","params":[{"x":1}]}]}'), dataError(/params\[0\] must be a string or a number/));
  assert.throws(() => parseCallTaskData('JSON', '{"calleeList":[{"callee":"131222222"}]}'), dataError(/calleeList\[0\]\.callee "131222222"/));
  assert.throws(() => parseCallTaskData('JSON', '[]'), dataError(/must be a JSON object/));
  assert.throws(() => parseCallTaskData('JSON', '{"calleeList":[]}'), dataError(/holds no callee/));
});

test('at most 1000 callees', () => {
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => `139${String(i).padStart(8, '0')}`).join(',');
  assert.equal(parseCallTaskData('LIST', numbers(1000)).callees.length, 1000);
  assert.throws(() => parseCallTaskData('LIST', numbers(1001)), dataError(/1001 callees; CreateCallTask takes at most 1000/));
});

test('FireTime: the documented dotted form, the example dashed form and epoch ms, in the given zone', () => {
  const expected = Date.parse('2030-03-09T00:00:00+08:00');
  assert.equal(parseFireTime('2030.03.09 00:00:00', 'Asia/Shanghai'), expected);
  assert.equal(parseFireTime('2030-03-09 00:00:00', 'Asia/Shanghai'), expected);
  assert.equal(parseFireTime('2030.3.9 0:00', 'Asia/Shanghai'), expected);
  assert.equal(parseFireTime(String(expected), 'Asia/Shanghai'), expected);
  assert.equal(parseFireTime('2030-03-09 00:00:00', 'UTC'), Date.parse('2030-03-09T00:00:00Z'));
  for (const bad of ['2030.02.30 00:00:00', '2030.03.09 24:00:00', '2030.03.09', 'tomorrow']) {
    assert.throws(() => parseFireTime(bad, 'Asia/Shanghai'), (error: Error & { param?: string }) => error.param === 'FireTime');
  }
});

test('CallTask ids are safe integers, increasing, distinct within one millisecond', () => {
  const clock = new ManualClock(Date.parse('2054-01-01T00:00:00Z'));
  const ids = new CallTaskIds(clock, 1023);
  const issued = Array.from({ length: 20 }, () => ids.next());
  assert.equal(new Set(issued).size, 20);
  assert.ok(issued.every((id) => Number.isSafeInteger(Number(id)) && String(Number(id)) === id), 'exact as a JSON double');
  assert.ok(issued.every((id, i) => i === 0 || Number(id) > Number(issued[i - 1])));
  assert.throws(() => new CallTaskIds(clock, 1024), RangeError);
});
