/**
 * The account's number lists as waihu management actions: the number directory (plain numbers that make MD5, SHA256
 * and SM3 recipients dialable) and the do-not-call list (numbers the dialer must never call).
 */
import { DomainError } from '../../../core/errors.js';
import type { NumberDirectory } from '../../../core/numbers/number-directory.js';
import { isPlainNumber } from '../../../core/numbers/phone-number.js';
import type { Clock } from '../../../ports/clock.js';
import type { CampaignStore } from '../../../ports/campaign-store.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

/** The services the number-list actions need. */
export interface NumberListServices {
  directory: NumberDirectory;
  store: CampaignStore;
  clock: Clock;
}

const LIST_QPS = { perUser: 20, api: 200 };
const MAX_NUMBERS = 1000;
const numbers: ParamSpec = {
  name: 'PhoneNumbers', type: 'Array', required: true, items: { name: '', type: 'String', required: true, maxLength: 32, lengthUnit: 'chars' },
  description: `Plain phone numbers, at most ${MAX_NUMBERS} per call (PhoneNumbers.1=... or a JSON array).`,
};
const page: ParamSpec[] = [
  { name: 'PageNo', type: 'Integer', required: false, min: 1, description: 'Page, from 1 (default 1).' },
  { name: 'PageSize', type: 'Integer', required: false, min: 1, max: 100, description: 'Rows per page, 1-100 (default 20).' },
];

/** The numbers of a request, checked: 1 to 1000 plain phone numbers. */
function phoneNumbers(params: Record<string, unknown>): string[] {
  const list = (params.PhoneNumbers as string[]).map((n) => n.trim());
  if (list.length > MAX_NUMBERS) throw new DomainError('InvalidArgument', `at most ${MAX_NUMBERS} numbers per call`, 'PhoneNumbers');
  const bad = list.find((n) => !isPlainNumber(n));
  if (bad !== undefined) throw new DomainError('InvalidArgument', `"${bad}" is not a phone number`, 'PhoneNumbers');
  return list;
}

/** AddDirectoryNumbers, RemoveDirectoryNumbers, AddDoNotCallNumbers, RemoveDoNotCallNumbers, ListDoNotCallNumbers. */
export function numberListActions(s: NumberListServices): ActionHandler[] {
  return [
    {
      spec: waihuAction('AddDirectoryNumbers', 'Adds plain numbers to the number directory, so recipients imported as their MD5/SHA256/SM3 digest can be dialed.', [numbers], LIST_QPS),
      handle: async (ctx, p) => ok({ Added: await s.directory.add(ctx.accountId, phoneNumbers(p), s.clock.now()) }),
    },
    {
      spec: waihuAction('RemoveDirectoryNumbers', 'Removes plain numbers from the number directory.', [numbers], LIST_QPS),
      handle: async (ctx, p) => ok({ Removed: await s.directory.remove(ctx.accountId, phoneNumbers(p)) }),
    },
    {
      spec: waihuAction('AddDoNotCallNumbers', 'Adds numbers to the do-not-call list; the dialer fails recipients with these numbers instead of calling them.', [numbers], LIST_QPS),
      handle: async (ctx, p) => ok({ Added: await s.store.addDoNotCall(ctx.accountId, phoneNumbers(p), s.clock.now()) }),
    },
    {
      spec: waihuAction('RemoveDoNotCallNumbers', 'Removes numbers from the do-not-call list.', [numbers], LIST_QPS),
      handle: async (ctx, p) => ok({ Removed: await s.store.removeDoNotCall(ctx.accountId, phoneNumbers(p)) }),
    },
    {
      spec: waihuAction('ListDoNotCallNumbers', 'Lists the do-not-call list, newest first.', page, LIST_QPS),
      handle: async (ctx, p) => {
        const pageNo = (p.PageNo as number | undefined) ?? 1;
        const pageSize = (p.PageSize as number | undefined) ?? 20;
        const result = await s.store.listDoNotCall(ctx.accountId, { pageNo, pageSize });
        return ok({ PageNo: pageNo, PageSize: pageSize, Total: result.total, List: result.items.map((i) => ({ PhoneNumber: i.number, CreateTime: i.createdAt })) });
      },
    },
  ];
}
