/** `waihu users ...`: the web console's users, administered from the shell (docs/console.md#signing-in). */
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.js';
import { createApp, type App } from '../app/app.js';
import { createLogger } from '../app/logger.js';
import { DomainError } from '../core/errors.js';
import type { Output } from './output.js';

/** Usage of the users command, shown on bad usage and by `waihu users help`. */
export const USERS_USAGE = `usage:
  waihu users create NAME --password PASSWORD [--account ID] [--json]
      a console user of the account: the only account when there is one, else --account is required.
      NAME is unique across all accounts (1-64 letters, digits or . _ @ -); PASSWORD has at least 8 characters.
  waihu users list [--account ID] [--json]
      console users, oldest first; of every account unless --account is given.
Users sign in at /console/ with NAME and PASSWORD; a session lasts 12 hours.`;

/** The account to create a user in: the one given (which must exist), else the only one. */
async function pickAccount(app: App, given: string | undefined): Promise<string> {
  const accounts = await app.accessKeys.listAccounts();
  if (given !== undefined) {
    if (!accounts.some((a) => a.id === given)) throw new DomainError('NotFound', `account ${given} does not exist (waihu accounts list)`);
    return given;
  }
  if (accounts.length === 0) throw new DomainError('NotFound', 'there is no account yet: start the server once (waihu serve) or run waihu accounts create NAME');
  if (accounts.length > 1) {
    throw new DomainError('InvalidArgument', `there are ${accounts.length} accounts; say which with --account ID (waihu accounts list)`);
  }
  return accounts[0]!.id;
}

/** Runs a users subcommand; returns the exit code. */
export async function usersCommand(config: Config, argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { account: { type: 'string' }, password: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [verb, name] = positionals;
  if (verb === 'help' || verb === undefined) {
    out.print(USERS_USAGE);
    return verb === undefined ? 2 : 0;
  }
  const validCreate = verb === 'create' && name !== undefined && values.password !== undefined;
  if (!validCreate && verb !== 'list') {
    out.error(USERS_USAGE);
    return 2;
  }
  const show = (data: unknown, text: string) => out.print(values.json ? JSON.stringify(data, null, 2) : text);
  const app = await createApp(config, { logger: createLogger('silent') });
  try {
    if (verb === 'create') {
      const user = await app.consoleUsers.create(await pickAccount(app, values.account), name!, values.password!);
      show({ UserId: user.id, Name: user.name, AccountId: user.accountId }, `${user.name}  (account ${user.accountId})`);
    } else {
      const users = await app.consoleUsers.list(values.account);
      show(
        users.map((u) => ({ UserId: u.id, Name: u.name, AccountId: u.accountId, CreateTime: u.createdAt, Disabled: u.disabled })),
        users.map((u) => `${u.name.padEnd(20)}  ${u.accountId}  ${new Date(u.createdAt).toISOString()}${u.disabled ? '  (disabled)' : ''}`).join('\n'),
      );
    }
    return 0;
  } finally {
    await app.close();
  }
}
