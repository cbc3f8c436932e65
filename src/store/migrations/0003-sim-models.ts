/** Each account's outcome model of the simulated carrier (SetSimulatorModel), one row per account that has one. */
import type { Kysely } from 'kysely';

/** Creates sim_models. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sim_models')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    // The model as the user wrote it (validated), so fields left out keep following the default model.
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sim_models').execute();
}
