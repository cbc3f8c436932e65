/** The number-list actions this page calls (src/gateway/products/waihu/number-lists.ts, voice-resources.ts). */
import type { Envelope, PageData } from '../../actions';
import { callAction } from '../../api';

/** A caller number or a do-not-call entry, as the list actions return them. */
export interface NumberEntry {
  PhoneNumber: string;
  CreateTime: number;
}

/** Most numbers one AddDoNotCallNumbers / RemoveDoNotCallNumbers call takes. */
export const MAX_NUMBERS_PER_CALL = 1000;

/** A caller number: 5-20 digits (checkedCallerNumber). */
export const CALLER_NUMBER = /^\d{5,20}$/;

/** One waihu action whose `Data` has the given shape. */
export async function waihu<T>(action: string, params: Record<string, unknown>): Promise<Envelope<T>> {
  return (await callAction('waihu', action, params)) as unknown as Envelope<T>;
}

export type { PageData };
