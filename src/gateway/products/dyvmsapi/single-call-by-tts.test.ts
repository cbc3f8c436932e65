import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../errors.js';
import { checkedTtsParam } from './single-call-by-tts.js';
import { checkedCalledNumber } from './single-call-params.js';

const NOTIFY = { type: 'NOTIFY' as const, content: '您好${name}，${note}' };
const CODE = { type: 'CODE' as const, content: '验证码${code}' };

/** The isv code a check throws. */
function codeOf(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    assert.ok(error instanceof GatewayError);
    assert.equal(error.status, 400);
    return error.code;
  }
  return 'accepted';
}

test('TtsParam values may total 999 characters, counted as a person counts them; 1000 is refused', () => {
  assert.deepEqual(checkedTtsParam(JSON.stringify({ name: '张', note: 'x'.repeat(998) }), NOTIFY).name, '张');
  assert.equal(codeOf(() => checkedTtsParam(JSON.stringify({ name: '张', note: 'x'.repeat(999) }), NOTIFY)), 'isv.PARAM_LENGTH_LIMIT');
  assert.equal(codeOf(() => checkedTtsParam(JSON.stringify({ name: '😀', note: '好'.repeat(998) }), NOTIFY)), 'accepted');
});

test('TtsParam numbers and booleans are spoken as written; extra names are ignored; absent params fail only a template with variables', () => {
  assert.deepEqual(checkedTtsParam('{"name":12,"note":true,"extra":"x"}', NOTIFY), { name: '12', note: 'true', extra: 'x' });
  assert.deepEqual(checkedTtsParam(undefined, { type: 'NOTIFY', content: '系统通知' }), {});
  assert.equal(codeOf(() => checkedTtsParam(undefined, NOTIFY)), 'isv.TEMPLATE_MISSING_PARAMETERS');
  assert.equal(codeOf(() => checkedTtsParam('{"name":"a","note":"www.example.com"}', NOTIFY)), 'isv.INVALID_PARAMETERS');
  assert.equal(codeOf(() => checkedTtsParam('{"name":"a","note":null}', NOTIFY)), 'isv.INVALID_PARAMETERS');
});

test('a verification code is digits and English letters only, and not empty', () => {
  assert.deepEqual(checkedTtsParam('{"code":"A1b2"}', CODE), { code: 'A1b2' });
  assert.deepEqual(checkedTtsParam('{"code":482100}', CODE), { code: '482100' });
  for (const bad of ['', '12 34', '１２３４', '12-34']) assert.equal(codeOf(() => checkedTtsParam(JSON.stringify({ code: bad }), CODE)), 'isv.INVALID_PARAMETERS', bad);
});

test('CalledNumber: mainland mobiles and landlines, or a country code and number; nothing else', () => {
  for (const good of ['15900000000', '19912345678', '057112345678', '01012345678', '0755123456', '85200000000', ' 13800000000 ']) {
    assert.equal(checkedCalledNumber(good), good.trim());
  }
  for (const bad of ['12345678901', '1380000000', '138000000000', '+8613800000000', '0012025550100', '138-0000-0000', '', undefined]) {
    assert.equal(codeOf(() => checkedCalledNumber(bad)), 'isv.MOBILE_NUMBER_ILLEGAL', String(bad));
  }
});
