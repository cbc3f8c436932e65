/** Robot management as waihu actions: scripted dialogs known by their DialogId. */
import type { AgentRegistry } from '../../../core/agents/agent-registry.js';
import { ROBOT_LIMITS, type RobotRecord } from '../../../core/agents/robot.js';
import { readPage } from '../../../core/campaigns/query-values.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const ROBOT_QPS = { perUser: 20, api: 200 };
const dialogId: ParamSpec = { name: 'DialogId', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The robot, as CreateRobot returned it.' };
const name = (required: boolean): ParamSpec => ({ name: 'Name', type: 'String', required, maxLength: ROBOT_LIMITS.maxNameLength, lengthUnit: 'chars', description: "Name, unique among the account's robots." });
const script = (required: boolean): ParamSpec => ({
  name: 'Script', type: 'String', required, maxLength: ROBOT_LIMITS.maxScriptLength, lengthUnit: 'chars',
  description: 'The dialog script as JSON text (docs/agents.md); checked node by node.',
});

/** A robot without its script, as listings show it. */
function robotEntry(robot: RobotRecord): Record<string, unknown> {
  return { DialogId: robot.id, Name: robot.name, Version: robot.version, CreateTime: robot.createdAt, UpdateTime: robot.updatedAt };
}

const listParams: ParamSpec[] = [
  { name: 'PageNo', type: 'Integer', required: false, min: 1, description: 'Page, from 1 (default 1).' },
  { name: 'PageSize', type: 'Integer', required: false, min: 1, max: 100, description: 'Rows per page, 1-100 (default 10).' },
  { name: 'Name', type: 'String', required: false, maxLength: 64, lengthUnit: 'chars', description: 'Only robots whose name contains this (case-insensitive).' },
];

/** CreateRobot, UpdateRobot, GetRobot, ListRobots and DeleteRobot. */
export function robotActions(registry: AgentRegistry): ActionHandler[] {
  const robots = registry.robots;
  return [
    {
      spec: waihuAction('CreateRobot', 'Creates a robot from a dialog script; Data is its DialogId.', [name(true), script(true)], ROBOT_QPS),
      handle: async (ctx, p) => ok((await robots.create(ctx.accountId, { Name: p.Name, Script: p.Script })).id),
    },
    {
      spec: waihuAction('UpdateRobot', 'Renames a robot and/or replaces its script; its Version goes up by one.', [dialogId, name(false), script(false)], ROBOT_QPS),
      handle: async (ctx, p) => ok(robotEntry(await robots.update(ctx.accountId, p.DialogId as string, { Name: p.Name, Script: p.Script }))),
    },
    {
      spec: waihuAction('GetRobot', 'Returns one robot with its script.', [dialogId], ROBOT_QPS),
      handle: async (ctx, p) => {
        const robot = await robots.get(ctx.accountId, p.DialogId as string);
        return ok({ ...robotEntry(robot), Script: JSON.parse(robot.script) as unknown });
      },
    },
    {
      spec: waihuAction('ListRobots', "Lists the account's robots, newest first, without their scripts.", listParams, ROBOT_QPS),
      handle: async (ctx, p) => {
        const page = readPage(p);
        const filter = typeof p.Name === 'string' && p.Name.trim() !== '' ? { name: p.Name.trim() } : {};
        const result = await robots.page(ctx.accountId, filter, page);
        return ok({ List: result.items.map(robotEntry), Total: result.total, PageNo: page.pageNo, PageSize: page.pageSize });
      },
    },
    {
      spec: waihuAction('DeleteRobot', 'Deletes a robot.', [dialogId], ROBOT_QPS),
      handle: async (ctx, p) => {
        await robots.delete(ctx.accountId, p.DialogId as string);
        return ok({ DialogId: p.DialogId });
      },
    },
  ];
}
