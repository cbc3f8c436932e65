/**
 * The CampaignStore contract on a real PostgreSQL, each store on a freshly created schema; and two stores with
 * separate pools (as two dialer processes would have) claiming from one task with FOR UPDATE SKIP LOCKED.
 */
import { after, test } from 'node:test';
import type { Store } from '../../src/ports/store.js';
import { openStore } from '../../src/store/open-store.js';
import { SchemaSource } from '../support/pg-schemas.js';
import { campaignContract } from './campaign-contract.js';
import { sharedCampaignContract } from './campaign-shared-contract.js';

const baseUrl = process.env.WAIHU_TEST_DATABASE_URL;
const HOW_TO_RUN = 'start one with: export "$(bash scripts/pg-test-server.sh)"';

function registerPostgresSuites(url: string): void {
  const schemas = new SchemaSource(url);
  const open = (databaseUrl: string): Promise<Store> => openStore({ databaseUrl, sqliteFile: ':memory:' });
  after(() => schemas.dropAll());

  campaignContract('PostgreSQL', async () => open(await schemas.freshUrl()));

  sharedCampaignContract('PostgreSQL', async (): Promise<[Store, Store]> => {
    const scoped = await schemas.freshUrl();
    return [await open(scoped), await open(scoped)];
  });
}

if (!baseUrl) {
  if (process.env.CI) {
    test('CampaignStore contract: PostgreSQL', () => {
      throw new Error(`WAIHU_TEST_DATABASE_URL is required in CI; ${HOW_TO_RUN}`);
    });
  } else {
    test('CampaignStore contract: PostgreSQL', { skip: `WAIHU_TEST_DATABASE_URL is not set; ${HOW_TO_RUN}` }, () => {});
  }
} else {
  registerPostgresSuites(baseUrl);
}
