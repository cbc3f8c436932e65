/** Virtual-number relations: real numbers bound to an account's virtual numbers (its caller numbers). */
import type { Kysely } from 'kysely';

/** Creates virtual_number_relations. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('virtual_number_relations')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('phone_num', 'text', (c) => c.notNull())
    .addColumn('related_num', 'text', (c) => c.notNull())
    .addColumn('corp_name', 'text', (c) => c.notNull())
    .addColumn('route_type', 'integer', (c) => c.notNull())
    .addColumn('spec_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // A real number is bound to a virtual number once; binding it again is reported, not stored twice.
    .addPrimaryKeyConstraint('virtual_number_relations_pk', ['account_id', 'phone_num', 'related_num'])
    .execute();
  // RelatedNum is the other filter a caller looks a binding up by.
  await db.schema.createIndex('virtual_number_relations_related').on('virtual_number_relations').columns(['account_id', 'related_num']).execute();
  await db.schema.createIndex('virtual_number_relations_created').on('virtual_number_relations').columns(['account_id', 'created_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('virtual_number_relations').execute();
}
