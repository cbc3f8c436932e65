/**
 * GetMqttToken and RefreshMqttToken: the MQTT grant of src/core/tokens/mqtt-grants.ts in the doc's `Data` shape, with
 * its success Code "200". Username is the caller's AccessKeyId, as in the doc's example (an `LTAI…` id); ExpireTime
 * is epoch milliseconds as a string, as the doc types it.
 */
import { MQTT_ENDPOINT, type MqttGrant, type MqttGrants } from '../../../core/tokens/mqtt-grants.js';
import type { ActionContext, ActionHandler } from '../../action.js';
import { catalogSpec } from '../catalog-spec.js';

/** The GetMqttToken handler. */
export function getMqttToken(grants: MqttGrants): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'GetMqttToken'),
    handle: async (ctx) => response(ctx, await grants.issue(ctx.accountId)),
  };
}

/** The RefreshMqttToken handler; refuses another account's ClientId (404) and one whose token expired (400). */
export function refreshMqttToken(grants: MqttGrants): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'RefreshMqttToken'),
    handle: async (ctx, params) => response(ctx, await grants.refresh(ctx.accountId, String(params.ClientId))),
  };
}

function response(ctx: ActionContext, grant: MqttGrant): Record<string, unknown> {
  const Data = {
    Host: MQTT_ENDPOINT.host, Token: grant.token, ExpireTime: String(grant.expireTime), InstanceId: MQTT_ENDPOINT.instanceId,
    ServerId: MQTT_ENDPOINT.serverId, P2pTopic: grant.p2pTopic, ClientId: grant.clientId, Username: ctx.accessKeyId,
  };
  return { Code: '200', Message: 'OK', Data };
}
