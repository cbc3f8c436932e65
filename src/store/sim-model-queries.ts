/** Queries for each account's simulator outcome model; one row per account that has set one. */
import type { Kysely } from 'kysely';
import type { SimModelRecord } from '../ports/sim-model-store.js';
import type { Database } from './schema.js';

/** The account's model, or undefined when it uses the default. */
export async function getSimModel(db: Kysely<Database>, accountId: string): Promise<SimModelRecord | undefined> {
  const row = await db.selectFrom('sim_models').select(['model', 'updated_at']).where('account_id', '=', accountId).executeTakeFirst();
  // Number() because a driver may hand back bigint columns in another numeric form.
  return row && { accountId, model: row.model, updatedAt: Number(row.updated_at) };
}

/** Sets or replaces the account's model in one statement, so concurrent setters cannot collide on the key. */
export async function putSimModel(db: Kysely<Database>, record: SimModelRecord): Promise<void> {
  await db
    .insertInto('sim_models')
    .values({ account_id: record.accountId, model: record.model, updated_at: record.updatedAt })
    .onConflict((oc) => oc.column('account_id').doUpdateSet((eb) => ({ model: eb.ref('excluded.model'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/** Removes the account's model; false when it had none. */
export async function deleteSimModel(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const result = await db.deleteFrom('sim_models').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
