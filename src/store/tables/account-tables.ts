/** Store layer for what hangs directly off a tenant: the account itself, its AccessKeys and its simulator model. */
import type { SimModelRecord, SimModelStore } from '../../ports/sim-model-store.js';
import type { AccessKeyRecord, AccessKeyStatus, AccessKeyStore, AccountRecord, AccountStore } from '../../ports/store.js';
import * as accessKeys from '../access-key-queries.js';
import * as accounts from '../account-queries.js';
import * as simModels from '../sim-model-queries.js';
import { ConsoleUserTables } from './console-user-tables.js';

/** Accounts, AccessKeys and simulator models (see store-tables.ts for how the layers compose). */
export abstract class AccountTables extends ConsoleUserTables implements AccountStore, AccessKeyStore, SimModelStore {
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

  /** Makes the account an operator or not. */
  setAccountOperator(id: string, operator: boolean): Promise<boolean> {
    return accounts.setAccountOperator(this.db, id, operator);
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

  /** The account's simulator outcome model; undefined when it uses the default. */
  getSimModel(accountId: string): Promise<SimModelRecord | undefined> {
    return simModels.getSimModel(this.db, accountId);
  }

  /** Sets or replaces the account's simulator outcome model. */
  putSimModel(record: SimModelRecord): Promise<void> {
    return simModels.putSimModel(this.db, record);
  }

  /** Forgets the account's simulator outcome model; false when it had none. */
  deleteSimModel(accountId: string): Promise<boolean> {
    return simModels.deleteSimModel(this.db, accountId);
  }
}
