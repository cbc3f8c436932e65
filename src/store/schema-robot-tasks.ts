/** Row types of dyvms robot tasks (CreateRobotTask ... DeleteRobotTask) layered on campaign tasks (migration 0012), part of the Database schema (schema.ts). */

/** The tables by name. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RobotTaskTables {}
