/**
 * Queries of the receipt outbox (migration 0014); see ports/receipt-store.ts for the rules. The outbox rows of a
 * state change are written by insertOutboxRows inside that change's own transaction.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ReceiptConfigRecord, ReceiptMessageType } from '../core/media/receipt-config.js';
import type { NewReceipt, ReceiptMode, ReceiptRecord, ReceiptStatus, ReceivedReceipt } from '../core/receipts/receipt-records.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import type { PushClaimRequest, PushSettlement, ReceiptFilter, ReceiveRequest } from '../ports/receipt-store.js';
import { numberOrNull } from './campaign-rows.js';
import { RowInsert } from './compiled-rows.js';
import { forUpdateSkipLocked } from './engine-sql.js';
import type { Database } from './schema.js';
import type { ReceiptOutboxTable } from './schema-receipts.js';

type Db = Kysely<Database> | Transaction<Database>;

const OUTBOX_INSERT = new RowInsert('receipt_outbox', [
  'id', 'account_id', 'message_type', 'call_id', 'seq', 'body', 'mode', 'status', 'attempts', 'round_attempts', 'due_at',
  'lease_owner', 'last_http_status', 'last_error', 'last_attempt_at', 'delivered_at', 'created_at',
]);

/** Writes new receipts as pending, due at once; callers pass their own transaction so the rows commit with their change. */
export async function insertOutboxRows(db: Db, receipts: readonly NewReceipt[]): Promise<void> {
  if (receipts.length === 0) return;
  await OUTBOX_INSERT.run(db as Kysely<Database>, receipts.map((r) => ({
    id: r.id, account_id: r.accountId, message_type: r.messageType, call_id: r.callId, seq: r.seq, body: JSON.stringify(r.body),
    mode: r.mode, status: 'pending', attempts: 0, round_attempts: 0, due_at: r.createdAt, lease_owner: null, last_http_status: null,
    last_error: null, last_attempt_at: null, delivered_at: null, created_at: r.createdAt,
  })));
}

/** Every account's receipt settings. */
export async function listAllReceiptConfigs(db: Db): Promise<ReceiptConfigRecord[]> {
  const rows = await db.selectFrom('receipt_configs').selectAll().execute();
  return rows.map((row) => ({ accountId: row.account_id, messageType: row.message_type as ReceiptMessageType, url: row.url, updatedAt: Number(row.updated_at) }));
}

function recordOf(row: Selectable<ReceiptOutboxTable>): ReceiptRecord {
  return {
    id: row.id, accountId: row.account_id, messageType: row.message_type as ReceiptMessageType, callId: row.call_id, seq: Number(row.seq),
    body: JSON.parse(row.body) as ReceiptRecord['body'], mode: row.mode as ReceiptMode, createdAt: Number(row.created_at),
    status: row.status as ReceiptStatus, attempts: Number(row.attempts), roundAttempts: Number(row.round_attempts), dueAt: Number(row.due_at),
    lastHttpStatus: numberOrNull(row.last_http_status), lastError: row.last_error, lastAttemptAt: numberOrNull(row.last_attempt_at), deliveredAt: numberOrNull(row.delivered_at),
  };
}

/**
 * Due pending messages of a mode that are the oldest pending message of their call and type: a later message waits
 * until the earlier one is delivered or has failed for good, so no receiver ever sees them out of order.
 */
function dueHeads(trx: Transaction<Database>, mode: ReceiptMode, now: number, limit: number) {
  const query = trx
    .selectFrom('receipt_outbox as o')
    .selectAll('o')
    .where('o.status', '=', 'pending')
    .where('o.mode', '=', mode)
    .where('o.due_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('receipt_outbox as e').select(sql<number>`1`.as('one'))
        .whereRef('e.call_id', '=', 'o.call_id').whereRef('e.message_type', '=', 'o.message_type')
        .whereRef('e.seq', '<', 'o.seq').where('e.status', '=', 'pending'))))
    // Oldest first, by the (status, mode, due_at) index alone: the scan stops once `limit` heads are found. A second
    // sort key (seq) would make the database weigh every due row before the first one is returned; order within a
    // call needs no sort, since only a call's head (the NOT EXISTS above) is ever taken.
    .orderBy('o.due_at')
    .limit(limit);
  return forUpdateSkipLocked(trx, query);
}

/** Leases due push heads to the owner (due_at becomes the lease's expiry) and counts the attempt. */
export async function claimPushReceipts(db: Kysely<Database>, r: PushClaimRequest): Promise<ReceiptRecord[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await dueHeads(trx, 'push', r.now, r.limit).execute();
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    await trx.updateTable('receipt_outbox')
      .set((eb) => ({ lease_owner: r.owner, due_at: r.now + r.leaseMs, attempts: eb('attempts', '+', 1), round_attempts: eb('round_attempts', '+', 1), last_attempt_at: r.now }))
      .where('id', 'in', ids).execute();
    return rows.map((row) => ({
      ...recordOf(row), dueAt: r.now + r.leaseMs, attempts: Number(row.attempts) + 1, roundAttempts: Number(row.round_attempts) + 1, lastAttemptAt: r.now,
    }));
  });
}

/** Records a push of the owner's leased messages. */
export async function settlePushReceipts(db: Db, owner: string, ids: readonly string[], s: PushSettlement): Promise<number> {
  if (ids.length === 0) return 0;
  const status: ReceiptStatus = s.outcome === 'delivered' ? 'delivered' : s.outcome === 'failed' ? 'failed' : 'pending';
  const result = await db.updateTable('receipt_outbox')
    .set({
      status, lease_owner: null, due_at: s.outcome === 'retry' ? (s.dueAt ?? s.at) : s.at, last_http_status: s.httpStatus, last_error: s.error,
      delivered_at: s.outcome === 'delivered' ? s.at : null,
    })
    .where('lease_owner', '=', owner).where('status', '=', 'pending').where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Gives leased push messages to the pull queue, uncounted: they were never pushed. */
export async function moveReceiptsToPull(db: Db, owner: string, ids: readonly string[], at: number): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.updateTable('receipt_outbox')
    .set((eb) => ({ mode: 'pull', lease_owner: null, due_at: at, attempts: eb('attempts', '-', 1), round_attempts: 0 }))
    .where('lease_owner', '=', owner).where('status', '=', 'pending').where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Receives pull heads of one account and type; each gets a new handle and stays hidden until now + visibilityMs. */
export async function receiveReceipts(db: Kysely<Database>, r: ReceiveRequest): Promise<ReceivedReceipt[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await dueHeads(trx, 'pull', r.now, r.max)
      .where('o.account_id', '=', r.accountId).where('o.message_type', '=', r.messageType)
      .execute();
    const out: ReceivedReceipt[] = [];
    for (const row of rows) {
      const receiptHandle = randomBytes(18).toString('base64url');
      await trx.updateTable('receipt_outbox')
        .set((eb) => ({ lease_owner: receiptHandle, due_at: r.now + r.visibilityMs, attempts: eb('attempts', '+', 1), last_attempt_at: r.now }))
        .where('id', '=', row.id).execute();
      out.push({ receiptHandle, record: { ...recordOf(row), dueAt: r.now + r.visibilityMs, attempts: Number(row.attempts) + 1, lastAttemptAt: r.now } });
    }
    return out;
  });
}

/** Acknowledges pulled messages whose handle is still their latest; returns those handles. */
export async function deleteReceipts(db: Kysely<Database>, accountId: string, handles: readonly string[], at: number): Promise<Set<string>> {
  const unique = [...new Set(handles)];
  if (unique.length === 0) return new Set();
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('receipt_outbox').select(['id', 'lease_owner'])
      .where('account_id', '=', accountId).where('mode', '=', 'pull').where('status', '=', 'pending').where('lease_owner', 'in', unique)
      .execute();
    if (rows.length === 0) return new Set();
    await trx.updateTable('receipt_outbox').set({ status: 'delivered', lease_owner: null, delivered_at: at, due_at: at })
      .where('id', 'in', rows.map((row) => row.id)).execute();
    return new Set(rows.map((row) => row.lease_owner as string));
  });
}

/**
 * Deletes up to `limit` delivered receipts whose delivery is older than `before`. A delivered message's due_at is its
 * delivery time (settlePushReceipts, deleteReceipts), so the (status, mode, due_at) index finds them.
 */
export async function purgeDeliveredReceipts(db: Db, before: number, limit: number): Promise<number> {
  const oldest = db.selectFrom('receipt_outbox').select('id')
    .where('status', '=', 'delivered').where('mode', 'in', ['push', 'pull']).where('due_at', '<', before).limit(limit);
  const result = await db.deleteFrom('receipt_outbox').where('id', 'in', oldest).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The account's receipts, newest first. */
export async function pageReceipts(db: Db, accountId: string, f: ReceiptFilter, page: PageRequest): Promise<Page<ReceiptRecord>> {
  let query = db.selectFrom('receipt_outbox').where('account_id', '=', accountId);
  if (f.messageType !== undefined) query = query.where('message_type', '=', f.messageType);
  if (f.status !== undefined) query = query.where('status', '=', f.status);
  if (f.callId !== undefined) query = query.where('call_id', '=', f.callId);
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('call_id', 'desc').orderBy('seq', 'desc')
    .limit(page.pageSize).offset((page.pageNo - 1) * page.pageSize).execute();
  return { total: Number(counted.n), items: rows.map(recordOf) };
}

/** Puts the account's delivered or failed messages back in delivery with a fresh schedule; returns their ids. */
export async function repushReceipts(db: Kysely<Database>, accountId: string, ids: readonly string[], at: number): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('receipt_outbox').select('id')
      .where('account_id', '=', accountId).where('id', 'in', unique).where('status', '!=', 'pending').execute();
    if (rows.length === 0) return [];
    const found = rows.map((row) => row.id);
    await trx.updateTable('receipt_outbox').set({ status: 'pending', round_attempts: 0, due_at: at, lease_owner: null, delivered_at: null })
      .where('id', 'in', found).execute();
    return found;
  });
}

/** The account's sealed signing secret. */
export async function getReceiptSecret(db: Db, accountId: string): Promise<string | undefined> {
  const row = await db.selectFrom('receipt_secrets').select('secret_ciphertext').where('account_id', '=', accountId).executeTakeFirst();
  return row?.secret_ciphertext;
}

/** Stores the sealed secret (replacing, or only when none exists); returns the one now in force. */
export async function putReceiptSecret(db: Kysely<Database>, accountId: string, sealed: string, at: number, replace: boolean): Promise<string> {
  const row = { account_id: accountId, secret_ciphertext: sealed, created_at: at };
  await db.insertInto('receipt_secrets').values(row)
    .onConflict((oc) => (replace ? oc.column('account_id').doUpdateSet({ secret_ciphertext: sealed, created_at: at }) : oc.column('account_id').doNothing()))
    .execute();
  return (await getReceiptSecret(db, accountId)) as string;
}
