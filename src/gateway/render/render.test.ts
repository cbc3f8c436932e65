import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJson } from './json.js';
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
