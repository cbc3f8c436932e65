import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionSpec } from '../catalog/types.js';
import { toJson } from './json.js';
import { renderSuccess } from './respond.js';
import { toXml } from './xml.js';

test('JSON keeps every digit of a 19-digit id given as bigint', () => {
  assert.equal(toJson({ Data: 1234567890123456789n, Code: '200' }), '{"Data":1234567890123456789,"Code":"200"}');
});

test('XML repeats the element for arrays, nests objects and escapes text', () => {
  const xml = toXml('ListCallTaskResponse', {
    RequestId: 'R',
    Data: [{ Id: 1, TaskName: 'a<b & c' }, { Id: 2, TaskName: 'x' }],
    Empty: null,
  });
  assert.equal(
    xml,
    '<?xml version="1.0" encoding="UTF-8"?><ListCallTaskResponse><RequestId>R</RequestId>' +
      '<Data><Id>1</Id><TaskName>a&lt;b &amp; c</TaskName></Data><Data><Id>2</Id><TaskName>x</TaskName></Data>' +
      '</ListCallTaskResponse>',
  );
});

test('a field the SDK model types as string is sent as JSON text even when the handler returned structure', () => {
  const spec: ActionSpec = {
    product: 'dyvmsapi', version: '2017-05-25', action: 'QueryRobotTaskDetail', source: 'catalog', methods: ['POST'],
    params: [], successCode: 'OK', stringFields: ['Data'],
  };
  const res = renderSuccess(spec, 'R-1', { Code: 'OK', Data: { id: 1, name: '任务' } }, 'JSON');
  assert.equal(res.headers['content-type'], 'application/json;charset=utf-8');
  const body = JSON.parse(res.body) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body), ['RequestId', 'Code', 'Data']);
  assert.equal(body.Data, '{"id":1,"name":"任务"}');
});
