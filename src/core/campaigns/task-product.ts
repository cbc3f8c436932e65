/**
 * Whose task a campaign task is. aiccs AiCallTasks, dyvms task-center CallTasks and dyvms robot tasks all run on the
 * one campaign engine (claims, pacing, windows, retries, leases); each product sees and acts on its own tasks only,
 * and the calls of a non-aiccs task run the flow stored with it instead of an agent.
 */
import type { NotifyTaskFlow } from '../call-tasks/call-task-flow.js';
import type { RobotTaskFlow } from '../robot-tasks/robot-task-flow.js';

/** The products whose tasks the engine runs. */
export const TASK_PRODUCTS = ['aiccs', 'call-task', 'robot-task'] as const;

/** One of TASK_PRODUCTS. */
export type TaskProduct = (typeof TASK_PRODUCTS)[number];

/** What a call of a non-aiccs task runs; kept as JSON on the task (campaign_tasks.flow, migration 0009). */
export type TaskFlow = NotifyTaskFlow | RobotTaskFlow;

/** Where a new task comes from; aiccs tasks run their agent and carry no flow. */
export interface TaskOrigin {
  product: TaskProduct;
  flow: TaskFlow | null;
}

/** The origin of every aiccs task. */
export const AICCS_ORIGIN: TaskOrigin = Object.freeze({ product: 'aiccs', flow: null });

/** True for a string that is a task product (rows written by a newer build may hold others). */
export function isTaskProduct(value: string): value is TaskProduct {
  return (TASK_PRODUCTS as readonly string[]).includes(value);
}
