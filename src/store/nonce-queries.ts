/** Replay protection queries; a batch of claims is one statement, so each claim stays atomic across processes. */
import type { Kysely } from 'kysely';
import { claimKey, type NonceClaim } from './nonce-batcher.js';
import type { Database } from './schema.js';

/**
 * Records distinct (accessKeyId, nonce) claims in one statement; returns the keys of those recorded.
 * A live row makes the conflict branch's WHERE false, so nothing is written and the row is not returned;
 * an expired row is taken over in place, which both engines serialize on the primary key. The batch is
 * judged against its earliest `now`, so a nonce is never taken over before every claimant sees it expired.
 */
export async function claimNonces(db: Kysely<Database>, claims: readonly NonceClaim[]): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const now = Math.min(...claims.map((c) => c.now));
  const rows = await db
    .insertInto('request_nonces')
    .values(claims.map((c) => ({ access_key_id: c.accessKeyId, nonce: c.nonce, expires_at: c.expiresAt })))
    .onConflict((oc) =>
      oc
        .columns(['access_key_id', 'nonce'])
        .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
        .where('request_nonces.expires_at', '<=', now),
    )
    .returning(['access_key_id', 'nonce'])
    .execute();
  return new Set(rows.map((r) => claimKey(r.access_key_id, r.nonce)));
}

/** Deletes nonces whose expiry has passed (expires_at <= now); returns how many. */
export async function purgeExpiredNonces(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db.deleteFrom('request_nonces').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
