/** Console user management of the waihu product: what `waihu users` does, for the caller's own account. */
import type { ConsoleUsers, ConsoleUserView } from '../../../core/accounts/console-users.js';
import type { ActionContext, ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const USER_QPS = { perUser: 20, api: 200 };
const userId: ParamSpec = { name: 'UserId', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The console user to act on.' };

/** The console user making the request, when it comes from the console (consoleIdentity in console-api.ts). */
function actingConsoleUser(ctx: ActionContext): string | undefined {
  return ctx.accessKeyId.startsWith('console:') ? ctx.accessKeyId.slice('console:'.length) : undefined;
}

function render(user: ConsoleUserView): Record<string, unknown> {
  return {
    Id: user.id,
    Name: user.name,
    CreateTime: user.createdAt,
    Disabled: user.disabled,
    ...(user.lastSignInAt !== undefined ? { LastSignInTime: user.lastSignInAt } : {}),
  };
}

/** ListConsoleUsers, CreateConsoleUser, DisableConsoleUser, EnableConsoleUser and DeleteConsoleUser. */
export function consoleUserActions(users: ConsoleUsers): ActionHandler[] {
  return [
    {
      spec: waihuAction('ListConsoleUsers', "Lists the caller account's console users, oldest first (never their passwords).", [], USER_QPS),
      handle: async (ctx) => ok({ Users: (await users.listOfAccount(ctx.accountId)).map(render) }),
    },
    {
      spec: waihuAction('CreateConsoleUser', 'Creates a console user of the caller account; the name is unique across the platform.', [
        { name: 'Name', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: '1-64 letters, digits or . _ @ -, starting with a letter or digit.' },
        { name: 'Password', type: 'String', required: true, maxLength: 1024, lengthUnit: 'chars', description: 'At least 8 characters.' },
      ], USER_QPS),
      handle: async (ctx, p) => ok(render(await users.create(ctx.accountId, p.Name as string, p.Password as string))),
    },
    {
      spec: waihuAction('DisableConsoleUser', 'Stops a console user signing in and ends its sessions; not the user making the request.', [userId], USER_QPS),
      handle: async (ctx, p) => ok(render(await users.disable(ctx.accountId, p.UserId as string, actingConsoleUser(ctx)))),
    },
    {
      spec: waihuAction('EnableConsoleUser', 'Lets a disabled console user sign in again.', [userId], USER_QPS),
      handle: async (ctx, p) => ok(render(await users.enable(ctx.accountId, p.UserId as string))),
    },
    {
      spec: waihuAction('DeleteConsoleUser', 'Deletes a console user and its sessions; not the user making the request.', [userId], USER_QPS),
      handle: async (ctx, p) => {
        await users.delete(ctx.accountId, p.UserId as string, actingConsoleUser(ctx));
        return ok({ Id: p.UserId });
      },
    },
  ];
}
