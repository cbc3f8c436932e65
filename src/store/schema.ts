/** Table shapes as Kysely sees them; timestamps are integer epoch milliseconds on both engines. */
import type { AccessKeyStatus } from '../ports/store.js';

/** Row of `accounts`: one tenant. */
export interface AccountsTable {
  id: string;
  name: string;
  created_at: number;
}

/** Row of `access_keys`: one AccessKey pair, secret sealed. */
export interface AccessKeysTable {
  id: string;
  account_id: string;
  secret_ciphertext: string;
  status: AccessKeyStatus;
  description: string;
  created_at: number;
  last_used_at: number | null;
}

/** Row of `request_nonces`: a signature nonce remembered until `expires_at`. */
export interface RequestNoncesTable {
  access_key_id: string;
  nonce: string;
  expires_at: number;
}

/** Every table the store owns, keyed by table name. */
export interface Database {
  accounts: AccountsTable;
  access_keys: AccessKeysTable;
  request_nonces: RequestNoncesTable;
}
