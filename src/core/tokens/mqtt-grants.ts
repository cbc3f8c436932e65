/**
 * MQTT connection grants (GetMqttToken, RefreshMqttToken), kept stateless: the ClientId carries its session nonce,
 * the expiry of the newest token issued for it and an HMAC tag binding both to the account, so any gateway node can
 * refresh it without a table. A refresh keeps the nonce and returns a ClientId with the new expiry in it (the doc's
 * own example answers a refresh with a ClientId that differs from the one sent).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { TokenService } from './token-service.js';

/** Lifetime of an MQTT token; the doc gives none, an hour keeps a leaked token short-lived while refresh is cheap. */
export const MQTT_TOKEN_SECONDS = 3600;

/** Prefix of every MQTT ClientId, as in the doc's GetMqttToken example. */
export const MQTT_CLIENT_PREFIX = 'GID_VOIP_CRC@@@';

/** The broker a client would connect to. waihu runs none: these name it for a broker the operator adds (docs/tokens.md). */
export const MQTT_ENDPOINT = { host: 'mqtt.waihu.local', instanceId: 'waihu-mqtt', serverId: 'GID_VOIP@@@waihu' } as const;

const BODY = /^([0-9a-f]{16})([0-9a-f]{8})([0-9a-f]{16})$/;

/** One MQTT grant: the client id to connect as, its token and where to connect. */
export interface MqttGrant {
  clientId: string;
  token: string;
  /** Epoch milliseconds at which the token stops being accepted. */
  expireTime: number;
  /** The account's own topic for peer-to-peer messages. */
  p2pTopic: string;
}

/** Issues and refreshes MQTT grants. */
export class MqttGrants {
  constructor(private readonly tokens: TokenService) {}

  /** A new client session for the account. */
  issue(accountId: string): Promise<MqttGrant> {
    return this.grant(accountId, randomBytes(8).toString('hex'));
  }

  /** A fresh token for a ClientId this account holds whose newest token has not expired yet. */
  async refresh(accountId: string, clientId: string): Promise<MqttGrant> {
    const parsed = BODY.exec(clientId.startsWith(MQTT_CLIENT_PREFIX) ? clientId.slice(MQTT_CLIENT_PREFIX.length) : '');
    if (!parsed) throw new DomainError('InvalidArgument', `"${clientId}" is not a ClientId returned by GetMqttToken`, 'ClientId');
    const [, nonce, until] = parsed as unknown as [string, string, string, string];
    const expected = await this.clientId(accountId, nonce, Number.parseInt(until, 16));
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(clientId))) {
      throw new DomainError('NotFound', `ClientId "${clientId}" was not issued to this account`, 'ClientId');
    }
    const expiredAt = Number.parseInt(until, 16) * 1000;
    if (this.tokens.now() >= expiredAt) {
      const when = new Date(expiredAt).toISOString();
      throw new DomainError('InvalidArgument', `the token of this ClientId expired at ${when}; call GetMqttToken for a new client`, 'ClientId');
    }
    return this.grant(accountId, nonce);
  }

  private async grant(accountId: string, nonce: string): Promise<MqttGrant> {
    const at = this.tokens.now();
    const clientId = await this.clientId(accountId, nonce, Math.floor(at / 1000) + MQTT_TOKEN_SECONDS);
    const { token, claims } = await this.tokens.issue(accountId, 'mqtt', MQTT_TOKEN_SECONDS, { client_id: clientId }, at);
    return { clientId, token, expireTime: claims.exp * 1000, p2pTopic: `alicom-voip-crc-upload-${accountId}` };
  }

  private async clientId(accountId: string, nonce: string, expSeconds: number): Promise<string> {
    const until = expSeconds.toString(16).padStart(8, '0');
    const tag = (await this.tokens.mac(['mqtt', accountId, nonce, until])).subarray(0, 8).toString('hex');
    return `${MQTT_CLIENT_PREFIX}${nonce}${until}${tag}`;
  }
}
