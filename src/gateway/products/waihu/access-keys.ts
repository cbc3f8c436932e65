/** AccessKey management actions of the waihu product: the same use cases the CLI runs. */
import type { AccessKeyService } from '../../../core/accounts/access-keys.js';
import { DomainError } from '../../../core/errors.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const KEY_QPS = { perUser: 20, api: 200 };
// Named like Alibaba RAM's own key actions: `AccessKeyId` is already the V1 signature parameter.
const keyId: ParamSpec = { name: 'UserAccessKeyId', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The AccessKey to act on.' };

/** Refuses to lock the caller out with the very key that signed the request. */
function notTheCallingKey(callerKey: string, target: string, what: string): void {
  if (callerKey === target) throw new DomainError('InvalidState', `cannot ${what} the AccessKey that signed this request; use another key`, 'UserAccessKeyId');
}

/** ListAccessKeys, CreateAccessKey, UpdateAccessKey and DeleteAccessKey for the caller's own account. */
export function accessKeyActions(keys: AccessKeyService): ActionHandler[] {
  return [
    {
      spec: waihuAction('ListAccessKeys', "Lists the caller account's AccessKeys (never their secrets).", [], KEY_QPS),
      handle: async (ctx) => ok({ AccessKeys: await keys.listAccessKeys(ctx.accountId) }),
    },
    {
      spec: waihuAction('CreateAccessKey', 'Creates an AccessKey pair; the secret is shown only in this response.', [
        { name: 'Description', type: 'String', required: false, maxLength: 256, lengthUnit: 'chars', description: 'A note for humans.' },
      ], KEY_QPS),
      handle: async (ctx, p) => ok(await keys.createAccessKey(ctx.accountId, (p.Description as string | undefined) ?? '')),
    },
    {
      spec: waihuAction('UpdateAccessKey', 'Enables or disables an AccessKey.', [
        keyId,
        { name: 'Status', type: 'String', required: true, enum: ['Active', 'Inactive'], description: 'Active or Inactive.' },
      ], KEY_QPS),
      handle: async (ctx, p) => {
        const target = p.UserAccessKeyId as string;
        if (p.Status === 'Inactive') notTheCallingKey(ctx.accessKeyId, target, 'disable');
        await keys.setStatus(ctx.accountId, target, p.Status as 'Active' | 'Inactive');
        return ok({ AccessKeyId: target, Status: p.Status });
      },
    },
    {
      spec: waihuAction('DeleteAccessKey', 'Deletes an AccessKey for good.', [keyId], KEY_QPS),
      handle: async (ctx, p) => {
        const target = p.UserAccessKeyId as string;
        notTheCallingKey(ctx.accessKeyId, target, 'delete');
        await keys.delete(ctx.accountId, target);
        return ok({ AccessKeyId: target });
      },
    },
  ];
}
