/** `waihu keys ...` and `waihu accounts ...`: AccessKey administration from the shell, over the same use cases as the API. */
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.js';
import { createApp, type App } from '../app/app.js';
import { createLogger } from '../app/logger.js';
import type { Output } from './output.js';

const USAGE = `usage:
  waihu keys create [--account ID] [--description TEXT] [--json]
  waihu keys list [--account ID] [--json]
  waihu keys disable|enable|delete ACCESS_KEY_ID
  waihu accounts create NAME [--json]
  waihu accounts list [--json]
  waihu accounts operator ID [--off]     make the account an operator (or not): it may review other accounts' 400 registrations`;

async function withApp<T>(config: Config, fn: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp(config, { logger: createLogger('silent') });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** The account to act on: the one given, else the only (or first) account, created when none exists. */
async function pickAccount(app: App, given: string | undefined): Promise<string> {
  if (given) return given;
  const accounts = await app.accessKeys.listAccounts();
  return accounts[0]?.id ?? (await app.accessKeys.createAccount('default')).id;
}

/** Runs a keys/accounts subcommand; returns the exit code. */
export async function keysCommand(config: Config, area: 'keys' | 'accounts', argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { account: { type: 'string' }, description: { type: 'string' }, json: { type: 'boolean' }, off: { type: 'boolean' } },
  });
  const [verb, arg] = positionals;
  const show = (data: unknown, text: string) => out.print(values.json ? JSON.stringify(data, null, 2) : text);
  return withApp(config, async (app) => {
    const keys = app.accessKeys;
    const key = `${area} ${verb ?? ''}`.trim();
    if (key === 'keys create') {
      const created = await keys.createAccessKey(await pickAccount(app, values.account), values.description ?? '');
      show(created, `AccountId       ${created.AccountId}\nAccessKeyId     ${created.AccessKeyId}\nAccessKeySecret ${created.AccessKeySecret}`);
    } else if (key === 'keys list') {
      const list = await keys.listAccessKeys(await pickAccount(app, values.account));
      show(list, list.map((k) => `${k.AccessKeyId}  ${k.Status.padEnd(8)}  ${new Date(k.CreateTime).toISOString()}  ${k.Description}`).join('\n'));
    } else if (['keys disable', 'keys enable', 'keys delete'].includes(key) && arg) {
      const owner = await keys.ownerOf(arg);
      if (verb === 'delete') await keys.delete(owner, arg);
      else await keys.setStatus(owner, arg, verb === 'disable' ? 'Inactive' : 'Active');
      show({ AccessKeyId: arg, Result: verb }, `${arg}: ${verb}d`);
    } else if (key === 'accounts create' && arg) {
      const account = await keys.createAccount(arg);
      show({ AccountId: account.id, Name: account.name }, account.id);
    } else if (key === 'accounts list') {
      const list = await keys.listAccounts();
      show(list.map((a) => ({ AccountId: a.id, Name: a.name, Operator: a.operator === true })), list.map((a) => `${a.id}  ${a.name}${a.operator ? '  (operator)' : ''}`).join('\n'));
    } else if (key === 'accounts operator' && arg) {
      await keys.setOperator(arg, !values.off);
      show({ AccountId: arg, Operator: !values.off }, `${arg}: ${values.off ? 'no longer an operator' : 'operator'}`);
    } else {
      out.error(USAGE);
      return 2;
    }
    return 0;
  });
}
