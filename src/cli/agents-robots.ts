/** `waihu robots ...`: scripted-dialog robots from the shell, over the same use cases as CreateRobot and friends. */
import type { RobotRecord } from '../core/agents/robot.js';
import { REPAYMENT_REMINDER_SCRIPT } from '../core/agents/robot-samples.js';
import { blamingFile, readJsonFile, listAll, type CommandArea, type VerbContext } from './agents-support.js';

const USAGE = `usage:
  waihu robots create --name NAME --script FILE.json
  waihu robots update DIALOG_ID [--name NAME] [--script FILE.json]
  waihu robots list [--name PART]
  waihu robots show DIALOG_ID        prints the script (--json: the robot with its script)
  waihu robots delete DIALOG_ID
  waihu robots sample                prints a sample script (a repayment reminder) to start from
every command also takes --account ID (default: the first account) and --json.
The script format and its validation messages: docs/robots.md.`;

/** A robot without its script, as ListRobots shows it. */
function robotEntry(robot: RobotRecord): Record<string, unknown> {
  return { DialogId: robot.id, Name: robot.name, Version: robot.version, CreateTime: robot.createdAt, UpdateTime: robot.updatedAt };
}

/** The script as people read and edit it: indented JSON, fields in the order they were written. */
function scriptText(script: unknown): string {
  return JSON.stringify(script, null, 2);
}

/**
 * The Name and Script a create/update hands the use case. The script goes as the file's text, so the size limit
 * and the validator are exactly the ones CreateRobot applies; the file is parsed here only to blame it by name.
 */
function robotInput(flags: VerbContext['flags']): { Name?: string; Script?: string } {
  const file = flags.script;
  return { Name: flags.name, ...(file !== undefined ? { Script: readJsonFile(file, '--script').text } : {}) };
}

/** The `robots` command area. */
export const robotsArea: CommandArea = {
  name: 'robots',
  usage: USAGE,
  verbs: {
    create: {
      flags: ['name', 'script'],
      required: ['name', 'script'],
      async run(ctx) {
        const input = robotInput(ctx.flags);
        const { app, accountId } = await ctx.account();
        const robot = await blamingFile('Script', { flag: '--script', file: ctx.flags.script }, () => app.agents.robots.create(accountId, input));
        ctx.show(robotEntry(robot), robot.id);
      },
    },
    update: {
      args: ['DIALOG_ID'],
      flags: ['name', 'script'],
      someOf: ['name', 'script'],
      async run(ctx) {
        const input = robotInput(ctx.flags);
        const { app, accountId } = await ctx.account();
        const robot = await blamingFile('Script', { flag: '--script', file: ctx.flags.script }, () => app.agents.robots.update(accountId, ctx.args[0]!, input));
        ctx.show(robotEntry(robot), `${robot.id}: version ${robot.version}`);
      },
    },
    list: {
      flags: ['name'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const filter = ctx.flags.name?.trim() ? { name: ctx.flags.name.trim() } : {};
        const list = await listAll((page) => app.agents.robots.page(accountId, filter, page));
        ctx.show(list.map(robotEntry), list.map((r) => `${r.id}  v${r.version}  ${r.name}`).join('\n'));
      },
    },
    show: {
      args: ['DIALOG_ID'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        const robot = await app.agents.robots.get(accountId, ctx.args[0]!);
        const script = JSON.parse(robot.script) as unknown;
        ctx.show({ ...robotEntry(robot), Script: script }, scriptText(script));
      },
    },
    delete: {
      args: ['DIALOG_ID'],
      async run(ctx) {
        const { app, accountId } = await ctx.account();
        await app.agents.robots.delete(accountId, ctx.args[0]!);
        ctx.show({ DialogId: ctx.args[0] }, `${ctx.args[0]}: deleted`);
      },
    },
    sample: {
      // Needs no app: the sample is part of the code, the same one the docs show and the tests run.
      async run(ctx) {
        ctx.out.print(scriptText(REPAYMENT_REMINDER_SCRIPT));
      },
    },
  },
};
