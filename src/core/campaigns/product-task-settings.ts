/**
 * The campaign settings of the tasks other products run on the engine (dyvms CallTasks and robot tasks). Their
 * actions have no calling hours, days, agent or aiccs extras: such a task calls around the clock, at the pace and
 * with the redial its product chose, and waits in INIT (StartType SCHEDULE without a time) until its product's start
 * action. Its campaign task name is internal (`<product>:<id>`), since campaign task names are unique per account
 * and those products' task names need not be.
 */
import type { TaskProduct } from './task-product.js';
import { CALL_DAYS, parseCallDays, parseCallTime } from './call-time.js';
import type { RetrySettings } from './retry-settings.js';
import type { TaskSettings } from './task-settings.js';

const ALL_DAY = parseCallTime(['{"startTime":"00:00:00","endTime":"24:00:00"}']);
const EVERY_DAY = parseCallDays([...CALL_DAYS]);

/** What differs between the products' tasks. */
export interface ProductTaskInput {
  product: Exclude<TaskProduct, 'aiccs'>;
  id: string;
  callerNumbers: readonly string[];
  /** The number shown as VirtualNumber; null when the product has none. */
  virtualNumber: string | null;
  taskCps: number;
  retry: RetrySettings;
  /** The platform's time zone. */
  timeZone: string;
}

/** The internal campaign task name of a product's task. */
export function productTaskName(product: ProductTaskInput['product'], id: string): string {
  return `${product}:${id}`;
}

/** The campaign settings of a product's task; see the module comment. */
export function productTaskSettings(input: ProductTaskInput): TaskSettings {
  return {
    name: productTaskName(input.product, input.id),
    agentId: null,
    virtualNumber: input.virtualNumber,
    callerNumbers: [...input.callerNumbers],
    startType: 'SCHEDULE',
    taskStartTime: null,
    callTime: ALL_DAY,
    callDays: EVERY_DAY,
    taskCps: input.taskCps,
    concurrency: null,
    retry: input.retry,
    timeZone: input.timeZone,
    applicationCode: null,
    applicationName: null,
    source: null,
    phoneType: null,
    lineEncoding: null,
    linePhoneNum: null,
  };
}
