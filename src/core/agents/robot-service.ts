/** The robot use cases: create, edit (one version up each time), delete, look up, list. */
import type { NameFilter } from '../../ports/agent-store.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import { changeRecord, notFound, type AgentDeps } from './agent-deps.js';
import { editedRobot, newRobot, type RobotInput, type RobotRecord } from './robot.js';
import { parseRobotScript, type RobotScript } from './robot-script.js';

/** The account's robots. */
export class RobotService {
  constructor(private readonly deps: AgentDeps) {}

  /** Creates a robot at version 1; AlreadyExists when the name is taken, InvalidArgument for a bad script. */
  async create(accountId: string, input: RobotInput): Promise<RobotRecord> {
    const robot = newRobot({ id: this.deps.ids.next(), accountId, at: this.deps.clock.now() }, input);
    await this.deps.store.insertRobot(robot);
    return robot;
  }

  /** Renames the robot and/or replaces its script; the version goes up by one. */
  update(accountId: string, robotId: string, input: RobotInput): Promise<RobotRecord> {
    return changeRecord({
      load: () => this.deps.store.getRobot(accountId, robotId),
      change: (robot) => editedRobot(robot, input, this.deps.clock.now()),
      write: (next, current) => this.deps.store.replaceRobot(next, current.version),
      missing: () => notFound('DialogId', robotId),
    });
  }

  /** Deletes the robot. */
  async delete(accountId: string, robotId: string): Promise<void> {
    if (!(await this.deps.store.deleteRobot(accountId, robotId))) throw notFound('DialogId', robotId);
  }

  /** One robot of the account; NotFound otherwise. */
  async get(accountId: string, robotId: string): Promise<RobotRecord> {
    const robot = await this.deps.store.getRobot(accountId, robotId);
    if (!robot) throw notFound('DialogId', robotId);
    return robot;
  }

  /** The account's robots matching the filter, newest first. */
  page(accountId: string, filter: NameFilter, page: PageRequest): Promise<Page<RobotRecord>> {
    return this.deps.store.pageRobots(accountId, filter, page);
  }

  /** The robot's script, ready for the robot flow. */
  async script(accountId: string, robotId: string): Promise<RobotScript> {
    return parseRobotScript(JSON.parse((await this.get(accountId, robotId)).script));
  }
}
