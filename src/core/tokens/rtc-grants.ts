/**
 * RTC accounts and login tokens (AddRtcAccount, GetRtcToken), kept stateless. An RTC account id is derived from the
 * account and the DeviceId with an HMAC, which gives the doc's "one device, one RTC account" for free: the same
 * device always gets the same id, and no table has to remember it. Without a DeviceId each call makes a new random id.
 */
import { createHash, randomInt } from 'node:crypto';
import { MQTT_ENDPOINT } from './mqtt-grants.js';
import type { IssuedToken, TokenService } from './token-service.js';

/** Lifetime of an RTC login token: a working day, since there is no refresh action for it (clients ask again). */
export const RTC_TOKEN_SECONDS = 86_400;

const RTC_ID_SPACE = 1_000_000_000;

/** What GetRtcToken is asked for. */
export interface RtcLogin {
  userId: string;
  deviceId: string;
  /** Recorded in the token as given; the doc contradicts itself on its meaning (docs/tokens.md). */
  isCustomAccount?: boolean;
}

/** Makes RTC account ids and RTC login tokens. */
export class RtcGrants {
  constructor(private readonly tokens: TokenService) {}

  /** A 10-digit RTC account id starting with 2 (the doc's example shape), fixed per (account, DeviceId). */
  async accountId(accountId: string, deviceId?: string): Promise<string> {
    const n = deviceId === undefined
      ? randomInt(RTC_ID_SPACE)
      : Number((await this.tokens.mac(['rtc', accountId, deviceId])).readBigUInt64BE(0) % BigInt(RTC_ID_SPACE));
    return `2${String(n).padStart(9, '0')}`;
  }

  /** The login token and the MQTT connection parameters the RTC SDK takes, as GetRtcToken's Module object. */
  async login(accountId: string, login: RtcLogin): Promise<{ module: Record<string, unknown>; issued: IssuedToken }> {
    const extra = { user_id: login.userId, device_id: login.deviceId, ...(login.isCustomAccount === undefined ? {} : { custom_account: login.isCustomAccount }) };
    const issued = await this.tokens.issue(accountId, 'rtc', RTC_TOKEN_SECONDS, extra);
    const device = createHash('sha256').update(login.deviceId).digest('hex').slice(0, 12);
    const module = {
      cleansession: true, clientId: `GID_VOIP@@@ClientId_${login.userId}_${device}`, conferenceTopic: 'cs_alicom_voip_conference',
      host: MQTT_ENDPOINT.host, meetingEventKeepAliveInterval: 0, phoneTopic: 'alicom_voip_phone', port: 0, reconnectTimeout: 2000,
      registerTime: issued.claims.iat * 1000, sdkClientPort: 8883, serverId: MQTT_ENDPOINT.serverId, sgwServerTopic: 'alicom_voip_server',
      tlsport: 443, tokenData: issued.token, useTLS: false,
    };
    return { module, issued };
  }
}
