// SetSimulatorModel, GetSimulatorModel and ResetSimulatorModel through openapi-core (V3, params in the query) and
// pop-core (V1, POST form), on SQLite and PostgreSQL: the model round-trips with left-out fields from the default,
// a bad model is refused in Alibaba's error format naming every problem, and each account sees and changes only its own.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NewAccessKey } from '../../src/core/accounts/access-keys.js';
import { DEFAULT_SIM_MODEL } from '../../src/providers/telephony/sim/sim-model.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { SchemaSource } from '../support/pg-schemas.js';
import { openApiCore, popCore, WAIHU } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { assertOk } from './aiccs-kit.js';

const pgUrl = process.env.WAIHU_TEST_DATABASE_URL;
const CLIENTS = ['openapi-core V3', 'pop-core V1'] as const;
type ClientName = (typeof CLIENTS)[number];

/** A plain-object copy of Data (pop-core's json-bigint builds null-prototype objects). */
async function call(server: TestServer, client: ClientName, key: NewAccessKey, action: string, params: Record<string, unknown> = {}) {
  const body = client === 'pop-core V1'
    ? await popCore(server.url, WAIHU, key).request(action, params, 'POST')
    : (await openApiCore(server.host, key).call({ version: WAIHU, action, params })).body;
  assertOk(body);
  return JSON.parse(JSON.stringify(body.Data)) as Record<string, unknown>;
}

/** Asserts the call fails with that code and status in each client's documented shape; returns the error body. */
async function refused(server: TestServer, client: ClientName, key: NewAccessKey, action: string, params: Record<string, unknown>, code: string, status: number) {
  const err = await rejection(call(server, client, key, action, params));
  return client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${server.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: 'ClientError' });
}

const DEFAULT = JSON.parse(JSON.stringify(DEFAULT_SIM_MODEL)) as Record<string, unknown>;
const BUSY_HALF = { outcomes: { ANSWERED: 0.5, USER_BUSY: 0.5 }, talkSeconds: { kind: 'fixed', value: 40 } };

function suite(engine: 'sqlite' | 'postgres'): void {
  describe(`simulator model actions on ${engine}`, { skip: engine === 'postgres' && !pgUrl ? 'WAIHU_TEST_DATABASE_URL is not set' : false }, () => {
    let server: TestServer;
    const schemas = new SchemaSource(pgUrl ?? 'postgres://unused');
    before(async () => {
      server = await startTestServer({ config: engine === 'postgres' ? { databaseUrl: await schemas.freshUrl() } : {} });
    });
    after(async () => {
      await server?.stop();
      if (engine === 'postgres') await schemas.dropAll();
    });

    /** A fresh account with its own key, so each test starts on the default model. */
    async function tenant(name: string): Promise<NewAccessKey> {
      const account = await server.app.accessKeys.createAccount(name);
      return server.app.accessKeys.createAccessKey(account.id);
    }

    for (const client of CLIENTS) {
      test(`${client}: set, get and reset; the model keeps what was set and takes the rest from the default`, async () => {
        const key = await tenant(`round trip ${client}`);
        assert.deepEqual(await call(server, client, key, 'GetSimulatorModel'), { Model: DEFAULT, IsDefault: true });

        const before = Date.now();
        const set = await call(server, client, key, 'SetSimulatorModel', { Model: JSON.stringify(BUSY_HALF) });
        const effective = { ...DEFAULT, ...BUSY_HALF };
        assert.deepEqual({ ...set, UpdateTime: 0 }, { Model: effective, IsDefault: false, UpdateTime: 0 });
        assert.ok(Number(set.UpdateTime) >= before - 1000 && Number(set.UpdateTime) <= Date.now() + 1000, `UpdateTime ${String(set.UpdateTime)}`);
        assert.deepEqual(await call(server, client, key, 'GetSimulatorModel'), set);

        assert.deepEqual(await call(server, client, key, 'ResetSimulatorModel'), { Model: DEFAULT, IsDefault: true, Removed: true });
        assert.deepEqual(await call(server, client, key, 'GetSimulatorModel'), { Model: DEFAULT, IsDefault: true });
        assert.equal((await call(server, client, key, 'ResetSimulatorModel')).Removed, false, 'a second reset finds nothing to remove');
      });

      test(`${client}: a bad model answers InvalidParameter naming every problem, and the model in force stays`, async () => {
        const key = await tenant(`bad model ${client}`);
        await call(server, client, key, 'SetSimulatorModel', { Model: JSON.stringify(BUSY_HALF) });
        const kept = await call(server, client, key, 'GetSimulatorModel');

        const bad = { outcomes: { ANSWERED: 0.5, USER_BUSY: 0.4 }, ringSeconds: { kind: 'uniform', min: 9, max: 2 } };
        const body = await refused(server, client, key, 'SetSimulatorModel', { Model: JSON.stringify(bad) }, 'InvalidParameter', 400);
        assert.equal(
          body.Message,
          'The specified value of parameter "Model" is not valid: invalid simulator model: outcomes: probabilities must sum to 1 (got 0.9); ringSeconds: min must not exceed max',
        );
        const notJson = await refused(server, client, key, 'SetSimulatorModel', { Model: '{"outcomes": ' }, 'InvalidParameter', 400);
        assert.match(String(notJson.Message), /^The specified value of parameter "Model" is not valid: not JSON text: /);
        const unknownField = await refused(server, client, key, 'SetSimulatorModel', { Model: '{"answerRate": 0.5}' }, 'InvalidParameter', 400);
        assert.match(String(unknownField.Message), /answerRate/);
        await refused(server, client, key, 'SetSimulatorModel', {}, 'MissingModel', 400);

        assert.deepEqual(await call(server, client, key, 'GetSimulatorModel'), kept);
      });

      test(`${client}: another account can neither see nor change the caller's model`, async () => {
        const a = await tenant(`owner ${client}`);
        const b = await tenant(`neighbour ${client}`);
        const owned = await call(server, client, a, 'SetSimulatorModel', { Model: '{"outcomes":{"USER_BUSY":1}}' });

        assert.deepEqual(await call(server, client, b, 'GetSimulatorModel'), { Model: DEFAULT, IsDefault: true });
        assert.equal((await call(server, client, b, 'ResetSimulatorModel')).Removed, false, "B's reset finds no model of its own");
        assert.deepEqual(await call(server, client, a, 'GetSimulatorModel'), owned, "B's reset left A's model alone");

        await call(server, client, b, 'SetSimulatorModel', { Model: '{"outcomes":{"ANSWERED":1}}' });
        assert.deepEqual(await call(server, client, a, 'GetSimulatorModel'), owned, "B's set left A's model alone");
        assert.deepEqual((await call(server, client, b, 'GetSimulatorModel')).Model, { ...DEFAULT, outcomes: { ANSWERED: 1 } });
      });
    }
  });
}

suite('sqlite');
suite('postgres');
