/**
 * AddRtcAccount and GetRtcToken, stateless (src/core/tokens/rtc-grants.ts). Module is the RTC account id, or the
 * token object as JSON text, as the doc types both; the success Message is the doc's "请求成功".
 */
import type { RtcGrants } from '../../../core/tokens/rtc-grants.js';
import type { ActionHandler } from '../../action.js';
import { catalogSpec } from '../catalog-spec.js';

/** The documented success message of the RTC actions. */
const RTC_OK = '请求成功';

/** The AddRtcAccount handler: the same DeviceId always gets the same RTC account id. */
export function addRtcAccount(rtc: RtcGrants): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'AddRtcAccount'),
    handle: async (ctx, params) => {
      const deviceId = typeof params.DeviceId === 'string' && params.DeviceId !== '' ? params.DeviceId : undefined;
      return { Code: 'OK', Message: RTC_OK, Module: await rtc.accountId(ctx.accountId, deviceId) };
    },
  };
}

/** The GetRtcToken handler. */
export function getRtcToken(rtc: RtcGrants): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'GetRtcToken'),
    handle: async (ctx, params) => {
      const isCustomAccount = typeof params.IsCustomAccount === 'boolean' ? params.IsCustomAccount : undefined;
      const login = { userId: String(params.UserId), deviceId: String(params.DeviceId), ...(isCustomAccount === undefined ? {} : { isCustomAccount }) };
      const { module } = await rtc.login(ctx.accountId, login);
      return { Code: 'OK', Message: RTC_OK, Module: JSON.stringify(module) };
    },
  };
}
