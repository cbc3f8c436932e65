/**
 * QueryRobotv2AllList: every robot of the account, for the DialogId of CreateRobotTask. `Data` is JSON text, as the
 * doc types it. The doc calls it the full list but its example shows one object; a client listing robots needs all of
 * them, so it is an array of `{id, robotName, robotType}`, newest first, with `id` a string (the doc's JSON example
 * quotes it, and an 18-19 digit number would lose digits in JSON.parse). Every robot is `CUSTOM`: waihu's robots are
 * the account's own scripts (CreateRobot).
 */
import type { RobotService } from '../../../core/agents/robot-service.js';
import type { ActionHandler } from '../../action.js';
import { catalogSpec } from '../catalog-spec.js';

/** Robots read per page while listing them all. */
const PAGE_SIZE = 100;

/** The QueryRobotv2AllList handler. */
export function queryRobotv2AllList(robots: RobotService): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'QueryRobotv2AllList'),
    handle: async (ctx) => {
      const all: { id: string; robotName: string; robotType: string }[] = [];
      for (let pageNo = 1; ; pageNo++) {
        const page = await robots.page(ctx.accountId, {}, { pageNo, pageSize: PAGE_SIZE });
        all.push(...page.items.map((r) => ({ id: r.id, robotName: r.name, robotType: 'CUSTOM' })));
        if (page.items.length < PAGE_SIZE || all.length >= page.total) break;
      }
      return { Code: 'OK', Message: 'OK', Data: JSON.stringify(all) };
    },
  };
}
