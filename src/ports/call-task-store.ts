/** Persistence port of dyvms task-center tasks (CreateCallTask/ExecuteCallTask) layered on campaign tasks. */

/** What the store offers for this area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CallTaskStore {}
