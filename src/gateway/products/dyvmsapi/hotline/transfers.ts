/**
 * The call-in half of doc chapter 12: SetTransferCalleePoolConfig and QueryCallInPoolTransferConfig (the transfer
 * callee pool of a 400 number) and QueryCallInTransferRecord. waihu places outbound calls only; inbound calls to a
 * 400 number are not built, so no call is ever transferred and the record query answers an empty, correctly
 * shaped page after checking its parameters (docs/hotline.md says so rather than inventing records).
 */
import { DomainError } from '../../../../core/errors.js';
import { hotlineNumber } from '../../../../core/hotline/hotline-inputs.js';
import type { HotlineTransferPool, TransferPoolInput } from '../../../../core/hotline/hotline-transfer-pool.js';
import type { ActionHandler } from '../../../action.js';
import { catalogSpec } from '../../catalog-spec.js';
import { ok, pageOf } from './hotline-wire.js';

/** QueryDate: the doc's `yyyy-MM-dd HH:mm:ss` (a bare date also accepted); the day must exist. */
export function queryDay(raw: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(raw.trim());
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDay = match !== null && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const realTime = match?.[4] === undefined || (Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6]) < 60);
  if (!realDay || !realTime) throw new DomainError('InvalidArgument', `"${raw}" is not a date and time in the form yyyy-MM-dd HH:mm:ss`, 'QueryDate');
  return `${match![1]}-${match![2]}-${match![3]}`;
}

/** The SetTransferCalleePoolConfig handler: Data true once the pool is stored. */
export function setTransferCalleePoolConfig(pool: HotlineTransferPool): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'SetTransferCalleePoolConfig'),
    handle: async (ctx, p) => {
      await pool.set(ctx.accountId, p as unknown as TransferPoolInput);
      return ok(true);
    },
  };
}

/** The QueryCallInPoolTransferConfig handler. */
export function queryCallInPoolTransferConfig(pool: HotlineTransferPool): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'QueryCallInPoolTransferConfig'),
    handle: async (ctx, p) => {
      const config = await pool.get(ctx.accountId, String(p.PhoneNumber));
      return ok({
        GmtCreate: config.createdAt, CalledRouteMode: config.routeMode, TransferTimeout: String(config.transferTimeoutS),
        Details: config.targets.map((t) => ({ Called: t.called })),
      });
    },
  };
}

/** The QueryCallInTransferRecord handler: parameters checked, then the empty page no inbound call could fill. */
export function queryCallInTransferRecord(): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'QueryCallInTransferRecord'),
    handle: async (_ctx, p) => {
      hotlineNumber(p.PhoneNumber, 'PhoneNumber');
      if (p.CallInCaller !== undefined && String(p.CallInCaller).trim() !== '' && !/^\+?\d{3,20}$/.test(String(p.CallInCaller).trim())) {
        throw new DomainError('InvalidArgument', `"${String(p.CallInCaller)}" is not a phone number`, 'CallInCaller');
      }
      queryDay(String(p.QueryDate));
      const page = pageOf(p);
      return ok({ PageNo: page.pageNo, PageSize: page.pageSize, Total: 0, Values: [] });
    },
  };
}

