/** The Store port over Kysely: one implementation that runs unchanged on SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { AccessKeyRecord, AccessKeyStatus, AccountRecord, Store } from '../ports/store.js';
import * as accessKeys from './access-key-queries.js';
import * as accounts from './account-queries.js';
import { migrateToLatest } from './migrate.js';
import { NonceBatcher } from './nonce-batcher.js';
import * as nonces from './nonce-queries.js';
import type { Database } from './schema.js';

/** Which database engine a Kysely instance talks to. */
export type StoreEngine = Store['engine'];

/** Store backed by a Kysely instance it owns: close() destroys it. */
export class KyselyStore implements Store {
  private closing: Promise<void> | undefined;
  private readonly nonceBatcher = new NonceBatcher((claims) => nonces.claimNonces(this.db, claims));

  constructor(
    private readonly db: Kysely<Database>,
    readonly engine: StoreEngine,
    private readonly migrations: Readonly<Record<string, Migration>>,
  ) {}

  /** Applies pending migrations; a second call finds nothing to do. */
  migrate(): Promise<void> {
    return migrateToLatest(this.db as Kysely<unknown>, this.engine, this.migrations);
  }

  /** Releases the connection or pool; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.db.destroy();
    return this.closing;
  }

  /** Adds a tenant. */
  insertAccount(account: AccountRecord): Promise<void> {
    return accounts.insertAccount(this.db, account);
  }

  /** One tenant by id. */
  getAccount(id: string): Promise<AccountRecord | undefined> {
    return accounts.getAccount(this.db, id);
  }

  /** All tenants, oldest first. */
  listAccounts(): Promise<AccountRecord[]> {
    return accounts.listAccounts(this.db);
  }

  /** How many tenants exist. */
  countAccounts(): Promise<number> {
    return accounts.countAccounts(this.db);
  }

  /** Adds a key of an existing account. */
  insertAccessKey(key: AccessKeyRecord): Promise<void> {
    return accessKeys.insertAccessKey(this.db, key);
  }

  /** One key by id. */
  getAccessKey(id: string): Promise<AccessKeyRecord | undefined> {
    return accessKeys.getAccessKey(this.db, id);
  }

  /** Keys of one account, oldest first. */
  listAccessKeys(accountId: string): Promise<AccessKeyRecord[]> {
    return accessKeys.listAccessKeys(this.db, accountId);
  }

  /** Changes the status of a key of that account; false when it has no such key. */
  setAccessKeyStatus(accountId: string, id: string, status: AccessKeyStatus): Promise<boolean> {
    return accessKeys.setAccessKeyStatus(this.db, accountId, id, status);
  }

  /** Deletes a key of that account; false when it has no such key. */
  deleteAccessKey(accountId: string, id: string): Promise<boolean> {
    return accessKeys.deleteAccessKey(this.db, accountId, id);
  }

  /** Records a nonce; the claims of one event-loop turn share one atomic statement. False when already recorded and live. */
  claimNonce(accessKeyId: string, nonce: string, now: number, expiresAt: number): Promise<boolean> {
    return this.nonceBatcher.claim({ accessKeyId, nonce, now, expiresAt });
  }

  /** Drops expired nonces; returns how many. */
  purgeExpiredNonces(now: number): Promise<number> {
    return nonces.purgeExpiredNonces(this.db, now);
  }
}
