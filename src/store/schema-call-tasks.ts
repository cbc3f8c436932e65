/** Row types of dyvms task-center tasks (CreateCallTask/ExecuteCallTask) layered on campaign tasks (migration 0011), part of the Database schema (schema.ts). */

/** The tables by name. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CallTaskTables {}
