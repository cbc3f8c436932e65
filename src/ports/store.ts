/** Persistence ports of the accounts area. Implemented once over Kysely for SQLite and PostgreSQL (src/store). */
import type { AgentStore } from './agent-store.js';
import type { CampaignStore } from './campaign-store.js';
import type { SimModelStore } from './sim-model-store.js';
import type { ConversationStore } from './conversation-store.js';
import type { VoiceResourceStore } from './voice-resource-store.js';
import type { VirtualNumberStore } from './virtual-number-store.js';
import type { VoiceFileStore } from './voice-file-store.js';
import type { CallTaskStore } from './call-task-store.js';
import type { RobotTaskStore } from './robot-task-store.js';
import type { HotlineStore } from './hotline-store.js';
import type { ReceiptStore } from './receipt-store.js';
import type { ConsoleUserStore } from './console-user-store.js';
import type { CallStatisticsStore } from './call-statistics-store.js';

export type AccessKeyStatus = 'Active' | 'Inactive';

/** A tenant: everything a customer owns hangs off one account. */
export interface AccountRecord {
  id: string;
  name: string;
  createdAt: number;
  /** The platform's staff: may act on other accounts where a product has an operator side (docs/hotline.md). */
  operator?: boolean;
}

/** An AccessKey pair; the secret is stored only as AES-GCM ciphertext. */
export interface AccessKeyRecord {
  id: string;
  accountId: string;
  secretCiphertext: string;
  status: AccessKeyStatus;
  description: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** Tenants. */
export interface AccountStore {
  insertAccount(account: AccountRecord): Promise<void>;
  getAccount(id: string): Promise<AccountRecord | undefined>;
  listAccounts(): Promise<AccountRecord[]>;
  countAccounts(): Promise<number>;
  /** Makes the account an operator or not; false when there is no such account. */
  setAccountOperator(id: string, operator: boolean): Promise<boolean>;
}

/** AccessKey pairs. */
export interface AccessKeyStore {
  insertAccessKey(key: AccessKeyRecord): Promise<void>;
  getAccessKey(id: string): Promise<AccessKeyRecord | undefined>;
  /** Keys of one account, oldest first. */
  listAccessKeys(accountId: string): Promise<AccessKeyRecord[]>;
  /** Returns false when no key of that account has that id. */
  setAccessKeyStatus(accountId: string, id: string, status: AccessKeyStatus): Promise<boolean>;
  /** Returns false when no key of that account has that id. */
  deleteAccessKey(accountId: string, id: string): Promise<boolean>;
}

/** Replay protection: remembers (AccessKeyId, nonce) pairs until they expire. */
export interface NonceStore {
  /**
   * Records the nonce; returns false when it was already recorded and has not expired.
   * Must be atomic across processes sharing one database.
   */
  claimNonce(accessKeyId: string, nonce: string, now: number, expiresAt: number): Promise<boolean>;
  /** Drops expired nonces; returns how many. */
  purgeExpiredNonces(now: number): Promise<number>;
}

/** Everything the store offers, plus its lifecycle. */
export interface Store extends AccountStore, AccessKeyStore, NonceStore, CampaignStore, SimModelStore, ConversationStore, AgentStore, VoiceResourceStore, VirtualNumberStore,
  VoiceFileStore, CallTaskStore, RobotTaskStore, HotlineStore, ReceiptStore, ConsoleUserStore, CallStatisticsStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Applies pending migrations; idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}
