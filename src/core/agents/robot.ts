/**
 * A robot: a scripted dialog (robot-script.ts describes the script) that a robot call or task runs, known by its
 * DialogId. Every update bumps the version, so a call log can tell which script a call ran.
 */
import { DomainError } from '../errors.js';
import { readString } from '../campaigns/setting-values.js';
import { parseRobotScript } from './robot-script.js';

/** Limits of a robot's fields. */
export const ROBOT_LIMITS = Object.freeze({ maxNameLength: 64, maxScriptLength: 256 * 1024 });

/** A robot as stored. */
export interface RobotRecord {
  /** DialogId: an 18-19 digit numeric string. */
  id: string;
  accountId: string;
  /** Unique within the account. */
  name: string;
  /** The script as compact JSON text, validated when it was set. */
  script: string;
  /** 1 when created, +1 on every update; also the guard against concurrent updates. */
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** CreateRobot / UpdateRobot input by wire name; absent members keep their value on update. */
export interface RobotInput {
  Name?: unknown;
  /** The script as JSON text, or already parsed JSON. */
  Script?: unknown;
}

/** The robot's name, trimmed and checked. */
function readRobotName(value: unknown): string {
  const name = readString(value, 'Name', ROBOT_LIMITS.maxNameLength, null);
  if (name === null) throw new DomainError('InvalidArgument', 'Name is required', 'Name');
  return name;
}

/** The script validated and made compact; errors name the Script parameter and, from the parser, the node and field. */
export function readRobotScript(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new DomainError('InvalidArgument', 'Script must not be empty', 'Script');
  }
  let json = value;
  if (typeof value === 'string') {
    if (value.length > ROBOT_LIMITS.maxScriptLength) throw new DomainError('InvalidArgument', `Script must be at most ${ROBOT_LIMITS.maxScriptLength} characters`, 'Script');
    try {
      json = JSON.parse(value);
    } catch (error) {
      throw new DomainError('InvalidArgument', `not JSON text: ${error instanceof Error ? error.message : String(error)}`, 'Script');
    }
  }
  try {
    parseRobotScript(json);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'InvalidArgument') throw new DomainError('InvalidArgument', error.message, 'Script');
    throw error;
  }
  return JSON.stringify(json);
}

/** A new robot from CreateRobot's input; Name and Script are required. */
export function newRobot(origin: { id: string; accountId: string; at: number }, input: RobotInput): RobotRecord {
  return {
    id: origin.id,
    accountId: origin.accountId,
    name: readRobotName(input.Name),
    script: readRobotScript(input.Script),
    version: 1,
    createdAt: origin.at,
    updatedAt: origin.at,
  };
}

/** The robot after UpdateRobot's input, one version on. */
export function editedRobot(robot: RobotRecord, input: RobotInput, at: number): RobotRecord {
  return {
    ...robot,
    name: input.Name !== undefined ? readRobotName(input.Name) : robot.name,
    script: input.Script !== undefined ? readRobotScript(input.Script) : robot.script,
    version: robot.version + 1,
    updatedAt: at,
  };
}
