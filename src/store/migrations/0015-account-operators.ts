/**
 * Operator accounts: the platform's own staff, who may act on other accounts where a product has an operator side
 * (the 400-number registry's review). Set only from the shell (`waihu accounts operator ID`), never through the API.
 */
import { sql, type Kysely } from 'kysely';

/** Adds accounts.operator (0/1). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('operator', 'integer', (c) => c.notNull().defaultTo(sql`0`)).execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('operator').execute();
}
