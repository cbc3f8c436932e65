/** Use cases for tenants and their AccessKey pairs, shared by the CLI, the gateway and the console. */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import type { Clock } from '../../ports/clock.js';
import type { AccessKeyRecord, AccessKeyStatus, AccountRecord, AccountStore, AccessKeyStore } from '../../ports/store.js';
import type { SecretBox } from './secret-box.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A freshly created key pair; the only moment the plain secret exists outside the database. */
export interface NewAccessKey {
  AccountId: string;
  AccessKeyId: string;
  AccessKeySecret: string;
}

/** What the gateway needs to check a signature. */
export interface KeyForAuth {
  accountId: string;
  secret: string;
  active: boolean;
}

/** Public view of a key: never the secret. */
export interface AccessKeySummary {
  AccessKeyId: string;
  AccountId: string;
  Status: AccessKeyStatus;
  Description: string;
  CreateTime: number;
}

/** Random letters and digits, each equally likely (AccessKey ids and secrets, generated passwords). */
export function randomText(length: number): string {
  // Rejection sampling keeps every character equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

/** Accounts and AccessKeys: create, list, disable, enable, delete, and resolve for authentication. */
export class AccessKeyService {
  constructor(
    private readonly store: AccountStore & AccessKeyStore,
    private readonly secrets: SecretBox,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    /** Told after a key changes status or is deleted, e.g. to drop it from an auth cache. */
    private readonly onKeyChanged: (accessKeyId: string) => void = () => {},
  ) {}

  /** Creates a tenant. */
  async createAccount(name: string): Promise<AccountRecord> {
    const account: AccountRecord = { id: this.ids.next(), name, createdAt: this.clock.now() };
    await this.store.insertAccount(account);
    return account;
  }

  /** All tenants, oldest first. */
  listAccounts(): Promise<AccountRecord[]> {
    return this.store.listAccounts();
  }

  /** Makes an account an operator (or not); NotFound naming AccountId when there is no such account. */
  async setOperator(accountId: string, operator: boolean): Promise<void> {
    if (!(await this.store.setAccountOperator(accountId, operator))) throw new DomainError('NotFound', `account ${accountId} does not exist`, 'AccountId');
  }

  /** True when the account is an operator. */
  async isOperator(accountId: string): Promise<boolean> {
    return (await this.store.getAccount(accountId))?.operator === true;
  }

  /** Issues a new pair for an existing account; the secret is returned once and stored encrypted. */
  async createAccessKey(accountId: string, description = ''): Promise<NewAccessKey> {
    if (!(await this.store.getAccount(accountId))) throw new DomainError('NotFound', `account ${accountId} does not exist`, 'AccountId');
    // Alibaba's ids start with LTAI and are 24 characters; some client code checks for that shape.
    const id = 'LTAI' + randomText(20);
    const secret = randomText(30);
    await this.store.insertAccessKey({
      id,
      accountId,
      secretCiphertext: this.secrets.seal(secret),
      status: 'Active',
      description,
      createdAt: this.clock.now(),
      lastUsedAt: null,
    });
    return { AccountId: accountId, AccessKeyId: id, AccessKeySecret: secret };
  }

  /** Keys of one account, without secrets. */
  async listAccessKeys(accountId: string): Promise<AccessKeySummary[]> {
    return (await this.store.listAccessKeys(accountId)).map(summarize);
  }

  /** Enables or disables a key of the given account; a key of another account is "not found". */
  async setStatus(accountId: string, accessKeyId: string, status: AccessKeyStatus): Promise<void> {
    if (!(await this.store.setAccessKeyStatus(accountId, accessKeyId, status))) throw keyNotFound(accessKeyId);
    this.onKeyChanged(accessKeyId);
  }

  /** Deletes a key of the given account. */
  async delete(accountId: string, accessKeyId: string): Promise<void> {
    if (!(await this.store.deleteAccessKey(accountId, accessKeyId))) throw keyNotFound(accessKeyId);
    this.onKeyChanged(accessKeyId);
  }

  /** Finds which account a key id belongs to (for the CLI, where the operator is trusted). */
  async ownerOf(accessKeyId: string): Promise<string> {
    const key = await this.store.getAccessKey(accessKeyId);
    if (!key) throw keyNotFound(accessKeyId);
    return key.accountId;
  }

  /** The decrypted secret and status of a key, or undefined when there is no such key. */
  async resolveForAuth(accessKeyId: string): Promise<KeyForAuth | undefined> {
    const key = await this.store.getAccessKey(accessKeyId);
    if (!key) return undefined;
    return { accountId: key.accountId, secret: this.secrets.open(key.secretCiphertext), active: key.status === 'Active' };
  }
}

function summarize(key: AccessKeyRecord): AccessKeySummary {
  return { AccessKeyId: key.id, AccountId: key.accountId, Status: key.status, Description: key.description, CreateTime: key.createdAt };
}

function keyNotFound(accessKeyId: string): DomainError {
  return new DomainError('NotFound', `AccessKey ${accessKeyId} does not exist`, 'AccessKeyId');
}
