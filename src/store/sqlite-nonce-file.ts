/**
 * On SQLite, replay-protection nonces live in their own database file, attached to the main
 * connection as `nonces`. Every API request writes one, and with `synchronous=NORMAL` the WAL
 * checkpoints' fsyncs made those writes the gateway's largest cost. Nonces are short-lived
 * security state, not customer data, so their file runs with `synchronous=OFF`: an application
 * crash loses nothing, and after an OS crash or power loss a damaged file is simply recreated
 * (forgetting at most the last moments' nonces). Customer data keeps the main file's durability.
 */
import { rmSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

/** Schema name the nonce file is attached under; unqualified `request_nonces` resolves to it. */
export const NONCE_SCHEMA = 'nonces';

/** The nonce file that belongs to a main database file (`data/waihu.db` -> `data/waihu.nonces.db`). */
export function nonceFileFor(mainFile: string): string {
  if (mainFile === ':memory:' || mainFile === '') return ':memory:';
  return mainFile.replace(/(\.db)?$/, '.nonces.db');
}

function attach(db: BetterSqlite3.Database, file: string): void {
  db.prepare(`attach database ? as ${NONCE_SCHEMA}`).run(file);
  db.pragma(`${NONCE_SCHEMA}.journal_mode = WAL`);
  db.pragma(`${NONCE_SCHEMA}.synchronous = OFF`);
  db.exec(
    `create table if not exists ${NONCE_SCHEMA}.request_nonces (
       access_key_id text not null, nonce text not null, expires_at bigint not null,
       primary key (access_key_id, nonce))
     ; create index if not exists ${NONCE_SCHEMA}.request_nonces_expires_at on request_nonces (expires_at)`,
  );
}

/** Attaches (creating if needed) the nonce file; a file that fails its integrity check is replaced. */
export function attachNonceFile(db: BetterSqlite3.Database, file: string): void {
  if (file === ':memory:') return attach(db, file);
  try {
    attach(db, file);
    if (db.pragma(`${NONCE_SCHEMA}.quick_check`, { simple: true }) === 'ok') return;
  } catch {
    // "file is not a database" and friends: handled below like a failed integrity check.
  }
  if (isAttached(db)) db.exec(`detach database ${NONCE_SCHEMA}`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  attach(db, file);
}

function isAttached(db: BetterSqlite3.Database): boolean {
  return (db.pragma('database_list') as { name: string }[]).some((d) => d.name === NONCE_SCHEMA);
}
