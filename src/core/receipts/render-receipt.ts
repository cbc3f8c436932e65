/**
 * A stored receipt as its receiver sees it: Alibaba's snake_case fields, times as `yyyy-MM-dd HH:mm:ss`, plus its id.
 * A recording is stored as its blob key (`record_url`) and delivered as a signed link fresh at delivery, so a message
 * re-pushed or pulled days later still carries a link that works.
 */
import { formatDateTime } from '../local-time.js';
import type { RecordingUrls } from '../recordings/recording-links.js';
import type { NewReceipt } from './receipt-records.js';

/** The JSON object of one message; `message_id` (a waihu extension) is the de-duplication key. */
export function renderReceipt(receipt: Pick<NewReceipt, 'id' | 'body'>, timeZone: string, recordingUrls?: RecordingUrls): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(receipt.body)) {
    if (key.endsWith('_time')) out[key] = typeof value === 'number' ? formatDateTime(value, timeZone) : (value ?? '');
    else if (key === RECORD_URL && typeof value === 'string' && recordingUrls) out[key] = recordingUrls.urlOf({ key: value });
    else out[key] = value ?? '';
  }
  out.message_id = receipt.id;
  return out;
}

/** The body of one push: a JSON array of the messages, in order. */
export function renderBatch(receipts: readonly Pick<NewReceipt, 'id' | 'body'>[], timeZone: string, recordingUrls?: RecordingUrls): string {
  return JSON.stringify(receipts.map((r) => renderReceipt(r, timeZone, recordingUrls)));
}

/** The field of recording receipts holding the recording: its blob key when stored, a link when delivered. */
export const RECORD_URL = 'record_url';
