/** Queries for robots; names unique per account, updates compare-and-set on the version. */
import type { Kysely, Selectable } from 'kysely';
import type { RobotRecord } from '../core/agents/robot.js';
import type { NameFilter } from '../ports/agent-store.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import { nameContains, pageBounds } from './paging.js';
import { guardUnique, type UniqueGuard } from './unique-guards.js';
import { countRows } from './paging.js';
import type { Database, RobotsTable } from './schema.js';

const nameGuard = (name: string): UniqueGuard => ({
  index: 'robots_account_name',
  table: 'robots',
  columns: ['account_id', 'name'],
  param: 'Name',
  message: `a robot named "${name}" already exists`,
});

/** The robot a row holds. */
function toRobot(row: Selectable<RobotsTable>): RobotRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    script: row.script,
    version: Number(row.version),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Adds a robot; AlreadyExists on a taken name. */
export async function insertRobot(db: Kysely<Database>, robot: RobotRecord): Promise<void> {
  await guardUnique([nameGuard(robot.name)], () =>
    db
      .insertInto('robots')
      .values({ id: robot.id, account_id: robot.accountId, name: robot.name, script: robot.script, version: robot.version, created_at: robot.createdAt, updated_at: robot.updatedAt })
      .execute(),
  );
}

/** One robot of the account. */
export async function getRobot(db: Kysely<Database>, accountId: string, robotId: string): Promise<RobotRecord | undefined> {
  const row = await db.selectFrom('robots').selectAll().where('id', '=', robotId).where('account_id', '=', accountId).executeTakeFirst();
  return row && toRobot(row);
}

/** Writes the robot if its stored version is still `expectedVersion`. */
export async function replaceRobot(db: Kysely<Database>, robot: RobotRecord, expectedVersion: number): Promise<boolean> {
  const result = await guardUnique([nameGuard(robot.name)], () =>
    db
      .updateTable('robots')
      .set({ name: robot.name, script: robot.script, version: robot.version, updated_at: robot.updatedAt })
      .where('id', '=', robot.id)
      .where('account_id', '=', robot.accountId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a robot of the account. */
export async function deleteRobot(db: Kysely<Database>, accountId: string, robotId: string): Promise<boolean> {
  const result = await db.deleteFrom('robots').where('id', '=', robotId).where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The account's robots matching the filter, newest first. */
export async function pageRobots(db: Kysely<Database>, accountId: string, filter: NameFilter, page: PageRequest): Promise<Page<RobotRecord>> {
  let query = db.selectFrom('robots').where('account_id', '=', accountId);
  if (filter.name) query = query.where(nameContains(filter.name));
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return { total, items: rows.map(toRobot) };
}
