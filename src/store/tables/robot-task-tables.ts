/** Store layer for dyvms robot tasks (CreateRobotTask ... DeleteRobotTask) layered on campaign tasks. */
import type { RobotTaskStore } from '../../ports/robot-task-store.js';
import { CallTaskTables } from './call-task-tables.js';

/** RobotTask methods (see store-tables.ts for how the layers compose). */
export abstract class RobotTaskTables extends CallTaskTables implements RobotTaskStore {}
