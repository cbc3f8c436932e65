/**
 * `waihu hotline ...`: the platform operator's side of 400-number registration. Qualifications are created here,
 * and the transfer registrations customers submit (SubmitHotlineTransferRegister) are approved or rejected here,
 * over the same HotlineRegistry the waihu ReviewHotlineRegistration action uses (docs/hotline.md).
 */
import type { Config } from '../config/config.js';
import { REGISTRATION_STATUSES, type RegistrationRecord, type RegistrationStatus } from '../core/hotline/hotline-records.js';
import { qualificationView, registrationView } from '../gateway/products/waihu/hotline.js';
import { CliInputError, isoTime, labelled, listAll, runArea, type CommandArea } from './agents-support.js';
import type { Output } from './output.js';

const USAGE = `usage:
  waihu hotline list [--status PENDING|APPROVED|REJECTED] [--hotline 400NUMBER]
  waihu hotline show REGISTRATION_ID
  waihu hotline approve REGISTRATION_ID
  waihu hotline reject REGISTRATION_ID --reason TEXT
  waihu hotline qualify --corp-name NAME [--order-id TICKET]
  waihu hotline suspend QUALIFICATION_ID | restore QUALIFICATION_ID
every command also takes --account ID (default: the first account) and --json.
Approved numbers count as registered: ListHotlineTransferNumber lists them and SetTransferCalleePoolConfig accepts them.`;

/** The state filter, checked before anything is opened. */
function statusFlag(raw: string | undefined): RegistrationStatus | undefined {
  if (raw === undefined) return undefined;
  const status = raw.trim().toUpperCase() as RegistrationStatus;
  if (!REGISTRATION_STATUSES.includes(status)) throw new CliInputError(`--status must be one of ${REGISTRATION_STATUSES.join(', ')}; got "${raw}"`);
  return status;
}

/** One line per registration for `list`. */
function summary(r: RegistrationRecord): string {
  const reason = r.rejectReason ? `  (${r.rejectReason})` : '';
  return `${r.id}  ${r.status.padEnd(8)}  ${r.hotlineNumber}  ${r.numbers.length} number(s)  ${r.operatorName}  ${isoTime(r.createdAt)}${reason}`;
}

/** The whole registration for `show` and after a decision. */
function describe(r: RegistrationRecord): string {
  return `${labelled([
    ['RegistrationId', r.id],
    ['Status', r.status],
    ['RejectReason', r.rejectReason ?? '-'],
    ['HotlineNumber', r.hotlineNumber],
    ['QualificationId', r.qualificationId],
    ['Operator', `${r.operatorName} <${r.operatorMail}> ${r.operatorMobile}`],
    ['Submitted', isoTime(r.createdAt)],
    ['Reviewed', isoTime(r.reviewedAt)],
  ])}\nNumbers:\n${r.numbers.map((n) => `  ${n.phoneNumber}  ${n.ownerName}`).join('\n')}`;
}

/** The `hotline` command area. */
export const hotlineArea: CommandArea = {
  name: 'hotline',
  usage: USAGE,
  verbs: {
    list: {
      flags: ['status', 'hotline'],
      async run(ctx) {
        const status = statusFlag(ctx.flags.status);
        const { app, accountId } = await ctx.account();
        const filter = { ...(status ? { status } : {}), ...(ctx.flags.hotline?.trim() ? { hotlineNumber: ctx.flags.hotline.trim() } : {}) };
        const list = await listAll((page) => app.hotline.registry.listRegistrations(accountId, filter, page));
        ctx.show(list.map(registrationView), list.length === 0 ? 'no registrations' : list.map(summary).join('\n'));
      },
    },
    show: {
      args: ['REGISTRATION_ID'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const found = await app.hotline.registry.registration(accountId, ctx.args[0]!);
        ctx.show(registrationView(found), describe(found));
      },
    },
    approve: {
      args: ['REGISTRATION_ID'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const decided = await app.hotline.registry.review(accountId, ctx.args[0]!, { kind: 'approve' });
        ctx.show(registrationView(decided), `${decided.id}: approved`);
      },
    },
    reject: {
      args: ['REGISTRATION_ID'],
      flags: ['reason'],
      required: ['reason'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const decided = await app.hotline.registry.review(accountId, ctx.args[0]!, { kind: 'reject', reason: ctx.flags.reason! });
        ctx.show(registrationView(decided), `${decided.id}: rejected (${decided.rejectReason})`);
      },
    },
    qualify: {
      flags: ['corp-name', 'order-id'],
      required: ['corp-name'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const q = await app.hotline.registry.createQualification(accountId, { corpName: ctx.flags['corp-name']!, orderId: ctx.flags['order-id'] });
        ctx.show(qualificationView(q), labelled([['QualificationId', q.qualificationId], ['OrderId', q.orderId], ['CorpName', q.corpName], ['Status', q.status]]));
      },
    },
    suspend: {
      args: ['QUALIFICATION_ID'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const q = await app.hotline.registry.setQualificationStatus(accountId, ctx.args[0]!, 'OTHER');
        ctx.show(qualificationView(q), `${q.qualificationId}: suspended (OTHER)`);
      },
    },
    restore: {
      args: ['QUALIFICATION_ID'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const q = await app.hotline.registry.setQualificationStatus(accountId, ctx.args[0]!, 'NORMAL');
        ctx.show(qualificationView(q), `${q.qualificationId}: restored (NORMAL)`);
      },
    },
  },
};

/** Runs a `waihu hotline` subcommand; returns the exit code. */
export function hotlineCommand(config: Config, argv: string[], out: Output): Promise<number> {
  return runArea(config, hotlineArea, argv, out);
}
