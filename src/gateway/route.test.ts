import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActionCatalog, generatedActionSpecs } from './catalog/catalog.js';
import { GatewayError } from './errors.js';
import { extractParams } from './params/extract.js';
import type { GatewayRequest } from './request.js';
import { resolveAction, responseFormat } from './route.js';

const catalog = new ActionCatalog(generatedActionSpecs());

function req(rawQuery: string, headers: Record<string, string> = {}, method = 'POST'): GatewayRequest {
  return { method, path: '/', rawQuery, headers: { host: '127.0.0.1:8080', ...headers }, body: Buffer.alloc(0) };
}

function route(r: GatewayRequest) {
  return resolveAction(catalog, r, extractParams(r));
}

function codeOf(r: GatewayRequest): string {
  try {
    route(r);
    return 'ok';
  } catch (e) {
    return e instanceof GatewayError ? `${e.code} ${e.status}` : String(e);
  }
}

const v3 = (action: string, version: string, host = '127.0.0.1:8080') => ({
  authorization: 'ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=0', 'x-acs-action': action, 'x-acs-version': version, host,
});

test('the version picks the product, whatever the host says', () => {
  assert.equal(route(req('', v3('CreateCallOutboundInstant', '2025-11-27', 'dyvmsapi.aliyuncs.com'))).product, 'thirdswaicall');
  assert.equal(route(req('Action=SingleCallByTts&Version=2017-05-25')).product, 'dyvmsapi');
});

test('V1 routes on the Action parameter (pop-core capitalises it; the header keeps the caller\'s case)', () => {
  const spec = route(req('Action=SingleCallByTts&Version=2017-05-25', { 'x-acs-action': 'singleCallByTts' }));
  assert.equal(spec.action, 'SingleCallByTts');
});

test('without a version, an Alibaba host names the product', () => {
  assert.equal(route(req('Action=StartAiCallTask', { host: 'aiccs.aliyuncs.com' })).product, 'aiccs');
  assert.equal(codeOf(req('Action=StartAiCallTask')), 'MissingVersion 400');
});

test('unknown versions, products, actions and methods get their documented codes', () => {
  assert.equal(codeOf(req('Action=X&Version=2099-01-01')), 'NoSuchVersion 400');
  assert.equal(codeOf(req('Action=X&Version=2099-01-01', { host: 'ecs.aliyuncs.com' })), 'InvalidProduct.NotFound 404');
  assert.equal(codeOf(req('Action=NoSuchThing&Version=2017-05-25')), 'InvalidApi.NotFound 404');
  assert.equal(codeOf(req('Version=2017-05-25')), 'MissingAction 400');
  assert.equal(codeOf(req('Action=HangupOperate&Version=2019-10-15', {}, 'GET')), 'UnsupportedHTTPMethod 400');
});

test('V1 answers XML unless Format says JSON; V3 answers JSON unless Format=XML', () => {
  const v1 = req('Action=SingleCallByTts&Version=2017-05-25');
  assert.equal(responseFormat(v1, extractParams(v1)), 'XML');
  const v1json = req('Action=SingleCallByTts&Version=2017-05-25&Format=json');
  assert.equal(responseFormat(v1json, extractParams(v1json)), 'JSON');
  const signed = req('', v3('SingleCallByTts', '2017-05-25'));
  assert.equal(responseFormat(signed, extractParams(signed)), 'JSON');
});
