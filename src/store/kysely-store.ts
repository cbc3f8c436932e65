/**
 * The Store port over Kysely: one implementation that runs unchanged on SQLite and PostgreSQL. This file keeps the
 * lifecycle (migrations, closing, the nonce batcher); the query methods come per area from src/store/tables/, layered
 * so that every `store.method()` is still a direct method call on this one object (see tables/store-tables.ts).
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { EndedCallCount, EndedCallRange } from '../ports/call-statistics-store.js';
import type { Store } from '../ports/store.js';
import { countEndedCalls } from './call-statistics-queries.js';
import { migrateToLatest } from './migrate.js';
import { NonceBatcher } from './nonce-batcher.js';
import * as nonces from './nonce-queries.js';
import type { Database } from './schema.js';
import { DialerQueueTables } from './tables/dialer-queue-tables.js';

/** Which database engine a Kysely instance talks to. */
export type StoreEngine = Store['engine'];

/** Store backed by a Kysely instance it owns: close() destroys it. */
export class KyselyStore extends DialerQueueTables implements Store {
  private closing: Promise<void> | undefined;
  private readonly nonceBatcher = new NonceBatcher((claims) => nonces.claimNonces(this.db, claims));

  constructor(
    db: Kysely<Database>,
    readonly engine: StoreEngine,
    private readonly migrations: Readonly<Record<string, Migration>>,
  ) {
    super(db);
  }

  /** Applies pending migrations; a second call finds nothing to do. */
  migrate(): Promise<void> {
    return migrateToLatest(this.db as Kysely<unknown>, this.engine, this.migrations);
  }

  /** Releases the connection or pool; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.db.destroy();
    return this.closing;
  }

  /** Records a nonce; the claims of one event-loop turn share one atomic statement. False when already recorded and live. */
  claimNonce(accessKeyId: string, nonce: string, now: number, expiresAt: number): Promise<boolean> {
    return this.nonceBatcher.claim({ accessKeyId, nonce, now, expiresAt });
  }

  /** Drops expired nonces; returns how many. */
  purgeExpiredNonces(now: number): Promise<number> {
    return nonces.purgeExpiredNonces(this.db, now);
  }

  /** The account's ended calls per time bucket and outcome (the console's Overview). */
  countEndedCalls(accountId: string, range: EndedCallRange): Promise<EndedCallCount[]> {
    return countEndedCalls(this.db, accountId, range);
  }
}
