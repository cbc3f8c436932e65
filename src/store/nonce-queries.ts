/** Replay protection queries; a claim is one statement so it stays atomic across processes and costs one round trip. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Records (accessKeyId, nonce) until expiresAt; true when this call recorded it.
 * A live row makes the conflict branch's WHERE false, so nothing is written and zero rows are reported;
 * an expired row is taken over in place, which both engines serialize on the primary key.
 */
export async function claimNonce(
  db: Kysely<Database>,
  accessKeyId: string,
  nonce: string,
  now: number,
  expiresAt: number,
): Promise<boolean> {
  const result = await db
    .insertInto('request_nonces')
    .values({ access_key_id: accessKeyId, nonce, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .columns(['access_key_id', 'nonce'])
        .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
        .where('request_nonces.expires_at', '<=', now),
    )
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Deletes nonces whose expiry has passed (expires_at <= now); returns how many. */
export async function purgeExpiredNonces(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db.deleteFrom('request_nonces').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
