import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pair } from '../request.js';
import { canonicalizedQueryV1, signV1, stringToSignV1 } from './v1-signature.js';

const pairs = (o: Record<string, string>): Pair[] => Object.entries(o);

test('pairs are sorted by name in code-unit order (upper case before lower case) and Signature is left out', () => {
  const input: Pair[] = [['b', '2'], ['Signature', 'x'], ['a', '1'], ['B', '3'], ['Tags.10', 'y'], ['Tags.1.Key', 'z']];
  assert.equal(canonicalizedQueryV1(input), 'B=3&Tags.1.Key=z&Tags.10=y&a=1&b=2');
  assert.equal(input[0]?.[0], 'b', "the caller's array is not reordered");
});

test('names and values are percent-encoded in the canonicalized query', () => {
  assert.equal(canonicalizedQueryV1([['TtsParam', '{"a":"b c*"}'], ['Out Id', '1+2']]), 'Out%20Id=1%2B2&TtsParam=%7B%22a%22%3A%22b%20c%2A%22%7D');
});

test('the string to sign is METHOD&%2F& followed by the encoded canonicalized query', () => {
  assert.equal(stringToSignV1('POST', [['b', '2'], ['a', '1*']]), 'POST&%2F&a%3D1%252A%26b%3D2');
  assert.equal(stringToSignV1('GET', []), 'GET&%2F&');
});

test('the key is the secret followed by "&"', () => {
  // base64 HMAC-SHA1 of "GET&%2F&" keyed "secret&", computed independently with openssl.
  assert.equal(signV1('GET&%2F&', 'secret'), 'cJivB3+Ard5Ae8LApJ30u7auuWE=');
});

test('RPC signature doc example (ECS DescribeDedicatedHosts, testid/testsecret) reproduces 9NaGiOspFP5UPcwX8Iwt2YJXXuk=', () => {
  const params = pairs({
    Action: 'DescribeDedicatedHosts', Version: '2014-05-26', Format: 'JSON', AccessKeyId: 'testid', SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: 'edb2b34af0af9a6d14deaf7c1a5315eb', SignatureVersion: '1.0', Timestamp: '2023-03-13T08:34:30Z', RegionId: 'cn-beijing',
  });
  assert.equal(signV1(stringToSignV1('GET', params), 'testsecret'), '9NaGiOspFP5UPcwX8Iwt2YJXXuk=');
});

test('Dysmsapi SendSms doc example reproduces zJDF+Lrzhj/ThnlvIToysFRq6t4=', () => {
  const params = pairs({
    AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001', RegionId: 'cn-hangzhou',
    SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
    SignatureVersion: '1.0', TemplateCode: 'SMS_71390007', TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z',
    Version: '2017-05-25',
  });
  assert.equal(signV1(stringToSignV1('GET', params), 'testSecret'), 'zJDF+Lrzhj/ThnlvIToysFRq6t4=');
});

test('dyvms doc §3.5 inputs give j+ExLHut4ulm1f5OsbVa+eMf1q4=, not the unreproducible value the doc prints', () => {
  const params = pairs({
    AccessKeyId: 'testId', Action: 'SingleCallByTts', CalledNumber: '13900001234', CalledShowNumber: '05711234****', Format: 'XML',
    OutId: '123', RegionId: 'cn-hangzhou', SignatureMethod: 'HMAC-SHA1', SignatureNonce: 'f7d2d4ef-6d5f-4da4-86ed-88e001a66abb',
    SignatureVersion: '1.0', Timestamp: '2017-09-28T14:31:56Z', TtsCode: 'TTS_0000000', TtsParam: '{"code":"1234","product":"test"}',
    Version: '2017-05-25',
  });
  const stringToSign = stringToSignV1('GET', params);
  assert.ok(stringToSign.includes('CalledShowNumber%3D05711234%252A%252A%252A%252A%26'), 'the * of the number are encoded');
  assert.equal(signV1(stringToSign, 'testSecret'), 'j+ExLHut4ulm1f5OsbVa+eMf1q4=');
  assert.notEqual(signV1(stringToSign, 'testSecret'), 'aMfgrx8DLS7vLfpeR1c2rrKLr0Q=');
});
