/** Persistence port of dyvms robot tasks (CreateRobotTask ... DeleteRobotTask) layered on campaign tasks. */

/** What the store offers for this area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RobotTaskStore {}
