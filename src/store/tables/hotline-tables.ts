/** Store layer for the 400-number registry: transfer registrations, their review and verification codes. */
import type { HotlineStore } from '../../ports/hotline-store.js';
import { RobotTaskTables } from './robot-task-tables.js';

/** Hotline methods (see store-tables.ts for how the layers compose). */
export abstract class HotlineTables extends RobotTaskTables implements HotlineStore {}
