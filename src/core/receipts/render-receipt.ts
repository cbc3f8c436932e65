/** A stored receipt as its receiver sees it: Alibaba's snake_case fields, times as `yyyy-MM-dd HH:mm:ss`, plus its id. */
import { formatDateTime } from '../local-time.js';
import type { NewReceipt } from './receipt-records.js';

/** The JSON object of one message; `message_id` (a waihu extension) is the de-duplication key. */
export function renderReceipt(receipt: Pick<NewReceipt, 'id' | 'body'>, timeZone: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(receipt.body)) {
    if (key.endsWith('_time')) out[key] = typeof value === 'number' ? formatDateTime(value, timeZone) : (value ?? '');
    else out[key] = value ?? '';
  }
  out.message_id = receipt.id;
  return out;
}

/** The body of one push: a JSON array of the messages, in order. */
export function renderBatch(receipts: readonly Pick<NewReceipt, 'id' | 'body'>[], timeZone: string): string {
  return JSON.stringify(receipts.map((r) => renderReceipt(r, timeZone)));
}
