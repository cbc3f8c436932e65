// Every documented dyvmsapi action (the 39 of the catalog) answered through a real client in JSON (openapi-core, V3)
// and as XML (a V1 request with Format=XML): an action with required parameters refuses an empty request with
// Missing<Param> (400) naming the first one, in the envelope of that format; an action without any answers success.
// The per-action suites (dyvms-*.test.ts) cover each action's real work; this sweep guards that none is left out.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { generatedActionSpecs } from '../../src/gateway/catalog/catalog.js';
import { makeV1 } from '../fixtures/vectors/make-request.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { DYVMS } from '../support/sdk-clients.js';
import { rejection } from '../support/sdk-errors.js';
import { defaultTenant, type Tenant } from './aiccs-kit.js';

const DOCUMENTED = generatedActionSpecs().filter((s) => s.product === 'dyvmsapi' && s.source === 'catalog');

/** A V1 XML request for the action with no parameters, signed like pop-core's; status and text of the answer. */
async function xmlCall(server: TestServer, t: Tenant, action: string): Promise<{ status: number; text: string }> {
  const { req } = makeV1({
    method: 'POST', inBody: true, accessKeyId: t.key.AccessKeyId, secret: t.key.AccessKeySecret,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), nonce: randomBytes(16).toString('hex'),
    params: { Action: action, Version: DYVMS, Format: 'XML', CalledNumber: undefined, TtsCode: undefined },
  });
  const res = await fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: req.body });
  return { status: res.status, text: await res.text() };
}

describe('every documented dyvmsapi action, JSON and XML', () => {
  let server: TestServer;
  let t: Tenant;
  before(async () => {
    server = await startTestServer({ config: { throttling: false } });
    t = defaultTenant(server);
  });
  after(() => server?.stop());

  test('the catalog documents 39 actions and every one is built', () => {
    assert.equal(DOCUMENTED.length, 39);
    const unbuilt = DOCUMENTED.filter((s) => !server.app.builtActions.has(`dyvmsapi/${s.action}`)).map((s) => s.action);
    assert.deepEqual(unbuilt, []);
  });

  for (const spec of DOCUMENTED) {
    const required = spec.params.find((p) => p.required);
    if (required) {
      test(`${spec.action}: an empty request is Missing${required.name} (400), in JSON and in XML`, async () => {
        const err = (await rejection(t.core.call({ version: DYVMS, action: spec.action, params: {} }))) as { code?: string; statusCode?: number; data?: Record<string, unknown> };
        assert.equal(err.code, `Missing${required.name}`, JSON.stringify(err.data));
        assert.equal(err.statusCode, 400);
        assert.match(String(err.data?.Message), new RegExp(required.name));
        const xml = await xmlCall(server, t, spec.action);
        assert.equal(xml.status, 400);
        assert.match(xml.text, new RegExp(`<Error>.*<Code>Missing${required.name}</Code>.*</Error>`, 's'));
        assert.match(xml.text, /<RequestId>[0-9A-F-]{36}<\/RequestId>/);
      });
    } else {
      // Some actions need a parameter the catalog marks optional (the seed text requires it; see docs/*.md): an empty
      // request is then refused in the handler, with the parameter named, in both formats alike.
      test(`${spec.action}: takes no catalog-required parameter; an empty request succeeds or is refused naming what is missing, in JSON and XML`, async () => {
        const outcome = await t.core.call({ version: DYVMS, action: spec.action, params: {} }).then(
          ({ body }) => ({ body }),
          (err: { code?: string; statusCode?: number; data?: Record<string, unknown> }) => ({ err }),
        );
        const xml = await xmlCall(server, t, spec.action);
        assert.match(xml.text, /<RequestId>[0-9A-F-]{36}<\/RequestId>/);
        if ('body' in outcome) {
          if (spec.successCode) assert.equal(outcome.body.Code, spec.successCode, JSON.stringify(outcome.body));
          assert.match(String(outcome.body.RequestId), /^[0-9A-F-]{36}$/);
          assert.equal(xml.status, 200, xml.text);
          assert.match(xml.text, new RegExp(`^<\\?xml[^>]*\\?>\\s*<${spec.action}Response>`));
        } else {
          const { err } = outcome;
          assert.equal(err.statusCode, 400, JSON.stringify(err.data));
          assert.match(String(err.data?.Message), /[A-Z][A-Za-z]+ is (mandatory|required)/, 'the message names the missing parameter');
          assert.equal(xml.status, 400);
          assert.match(xml.text, new RegExp(`<Error>.*<Code>${err.code}</Code>.*</Error>`, 's'));
        }
      });
    }
  }
});
