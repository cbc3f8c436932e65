/** Migration failures must name the migration and leave the database as it was. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { newTaskRecord } from '../core/campaigns/new-task.js';
import { parseTaskSettings } from '../core/campaigns/task-settings.js';
import { settingsColumns } from './campaign-rows.js';
import { KyselyStore } from './kysely-store.js';
import { storeMigrations } from './migrations/store-migrations.js';
import type { Database } from './schema.js';
import { openSqliteFile, WaihuSqliteDialect } from './sqlite-database.js';

function storeWith(migrations: Record<string, Migration>): { store: KyselyStore; db: Kysely<Database> } {
  const db = new Kysely<Database>({ dialect: new WaihuSqliteDialect(openSqliteFile(':memory:')) });
  return { store: new KyselyStore(db, 'sqlite', migrations), db };
}

async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'kysely%'`.execute(db);
  return rows.map((r) => r.name).sort();
}

test('a failing migration is named in the error and rolls back the whole batch', async () => {
  const broken: Migration = {
    async up(db) {
      await db.schema.createTable('half_done').addColumn('id', 'text').execute();
      throw new Error('boom');
    },
  };
  const { store, db } = storeWith({ ...storeMigrations, '0002-broken': broken });
  try {
    await assert.rejects(store.migrate(), /migration 0002-broken failed: boom/);
    assert.deepEqual(await tableNames(db), []);
  } finally {
    await store.close();
  }
});

test('the real migrations create every table of the store', async () => {
  const { store, db } = storeWith({ ...storeMigrations });
  try {
    await store.migrate();
    const campaignTables = ['call_attempts', 'callee_calls', 'campaign_batches', 'campaign_detail_tallies', 'campaign_details', 'campaign_tasks', 'do_not_call', 'number_directory'];
    const conversationTables = ['ai_voice_agents', 'llm_applications', 'robots', 'single_calls'];
    const voiceTables = ['caller_numbers', 'receipt_configs', 'tts_templates', 'virtual_number_relations', 'voice_files'];
    const dyvmsTaskTables = ['call_tasks', 'robot_tasks'];
    const hotlineTables = ['hotline_digest_keys', 'hotline_qualifications', 'hotline_registration_numbers', 'hotline_registrations', 'hotline_transfer_configs', 'hotline_verification_codes'];
    const receiptTables = ['receipt_outbox', 'receipt_secrets'];
    const consoleTables = ['console_sessions', 'console_users'];
    const all = ['access_keys', 'accounts', 'sim_models', ...consoleTables, ...campaignTables, ...conversationTables, ...voiceTables, ...dyvmsTaskTables, ...hotlineTables, ...receiptTables];
    assert.deepEqual(await tableNames(db), all.sort());
    // Nonces live in the attached nonce file on SQLite (sqlite-nonce-file.ts).
    const { rows } = await sql<{ name: string }>`select name from nonces.sqlite_master where type = 'table'`.execute(db);
    assert.deepEqual(rows.map((r) => r.name), ['request_nonces']);
  } finally {
    await store.close();
  }
});

test('upgrading to detail tallies counts the details already stored', async () => {
  assert.ok(storeMigrations['0004-detail-tallies'], 'the tallies migration exists');
  // The store as it was before: the migrations that sort before the tallies one.
  const before = Object.fromEntries(Object.entries(storeMigrations).filter(([name]) => name < '0004'));
  const { store, db } = storeWith(before);
  try {
    await store.migrate();
    await db.insertInto('accounts').values({ id: 'acc', name: 'a', created_at: 1 } as never).execute();
    const settings = parseTaskSettings({ TaskName: 't', StartType: 'IMMEDIATE', CallTime: ['{"startTime":"09:00:00","endTime":"18:00:00"}'], CallDay: ['MONDAY'], TaskCps: 1 });
    // Written as raw rows (the account above too): the store of this version has columns the old schema lacks, and
    // would already tally details.
    const { product: _product, flow: _flow, ...task } = newTaskRecord('task', 'acc', settings, 1);
    await db.insertInto('campaign_tasks').values({
      id: task.id, account_id: task.accountId, ...settingsColumns(task.settings), status: task.status, start_failed_reason: null,
      scheduled_start_at: null, real_start_time: task.realStartTime, created_at: 1, updated_at: 1,
    } as never).execute();
    const detail = (id: string, batch: string | null, state: number) => ({
      id, account_id: 'acc', task_id: 'task', batch_id: batch, number: id, encryption_type: 0, out_id: null, variables: '{}',
      state, due_at: 1, created_at: batch ? 100 : 200, updated_at: 1,
    });
    await db.insertInto('campaign_batches').values({ id: 'b1', account_id: 'acc', task_id: 'task', encryption_type: 0, row_count: 3, created_at: 100 }).execute();
    await db.insertInto('campaign_details').values([detail('d1', 'b1', 1), detail('d2', 'b1', 4), detail('d3', 'b1', 4), detail('d4', null, 5)]).execute();
    const upgraded = new KyselyStore(db, 'sqlite', storeMigrations);
    await upgraded.migrate();
    const progress = (await upgraded.taskProgress('acc', ['task'])).get('task');
    assert.deepEqual(progress?.byState, { 0: 0, 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 });
    const ended = await upgraded.pageDetails('acc', 'task', { states: [4], batchId: 'b1' }, { pageNo: 1, pageSize: 1 });
    assert.equal(ended.total, 2);
  } finally {
    await store.close();
  }
});
