import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pair } from '../request.js';
import { buildParamTree, jsonBodyToPairs, unflatten } from './flatten.js';
import { parseJsonNode } from './flatten-json.js';

test('flattened lists of objects, nested lists and maps come back as nested values', () => {
  const pairs: Pair[] = [
    ['Tags.1.Key', 'k1'], ['Tags.1.Value', 'v1'], ['Tags.2.Key', 'k2'], ['Tags.2.Value', 'v2'],
    ['Nested.A.B', '1'], ['Nested.L.1.1', '1'], ['Nested.L.1.2', '2'],
    ['Obj.k', 'v'], ['Plain', 'x'],
  ];
  assert.deepEqual(unflatten(pairs), {
    Tags: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }],
    Nested: { A: { B: '1' }, L: [['1', '2']] },
    Obj: { k: 'v' },
    Plain: 'x',
  });
});

test('list indexes order numerically, not as text', () => {
  const pairs: Pair[] = Array.from({ length: 11 }, (_, i) => [`L.${11 - i}`, String(11 - i)] as const);
  assert.deepEqual(unflatten(pairs)['L'], ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
});

test('a later pair of the same name wins, so a body passed after the query overrides it', () => {
  assert.deepEqual(unflatten([['A', 'query'], ['A', 'body']]), { A: 'body' });
  assert.deepEqual(unflatten([['T.1', 'q'], ['T.1', 'b']]), { T: ['b'] });
});

test('where a name has a value and sub-keys, the sub-keys win', () => {
  assert.deepEqual(unflatten([['T', '["x"]'], ['T.1', 'y']]), { T: ['y'] });
});

test('the tree builder skips top-level names the filter rejects', () => {
  const tree = buildParamTree([['Keep.1', 'a'], ['OwnerId', '1'], ['Drop.x', 'b']], (n) => n === 'Keep');
  assert.deepEqual([...tree.keys()], ['Keep']);
});

test('a JSON body flattens like the SDKs flatten a query (protocol.md §1.6)', () => {
  const body = {
    Tags: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }],
    Nested: { A: { B: 1 }, L: [[1, 2]] },
    Flag: true,
    Count: 2,
    Skipped: null,
    Empty: [],
  };
  assert.deepEqual(jsonBodyToPairs(body), [
    ['Tags.1.Key', 'k1'], ['Tags.1.Value', 'v1'], ['Tags.2.Key', 'k2'], ['Tags.2.Value', 'v2'],
    ['Nested.A.B', '1'], ['Nested.L.1.1', '1'], ['Nested.L.1.2', '2'],
    ['Flag', 'true'], ['Count', '2'],
  ]);
  assert.deepEqual(unflatten(jsonBodyToPairs(body)), {
    Tags: body.Tags, Nested: { A: { B: '1' }, L: [['1', '2']] }, Flag: 'true', Count: '2',
  });
});

test('JSON text parses into the same tree shape, numbers keeping every digit', () => {
  const node = parseJsonNode('[{"Id":12345678901234567890,"Ok":true,"Name":"a\\"b"},null]');
  assert.ok(node?.list);
  const first = node.children?.get('1');
  assert.equal(first?.children?.get('Id')?.value, '12345678901234567890');
  assert.equal(first?.children?.get('Ok')?.value, 'true');
  assert.equal(first?.children?.get('Name')?.value, 'a"b');
  assert.equal(node.json, '[{"Id":12345678901234567890,"Ok":true,"Name":"a\\"b"},null]');
  assert.equal(parseJsonNode('[1,'), undefined);
});
