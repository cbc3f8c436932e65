/** Store layer for what a call runs: AI voice agents, the LLM applications they link, and dialog-script robots. */
import type { VoiceAgentRecord } from '../../core/agents/ai-voice-agent.js';
import type { LlmApplicationRecord } from '../../core/agents/llm-application.js';
import type { RobotRecord } from '../../core/agents/robot.js';
import type { AgentStore, NameFilter, VoiceAgentFilter } from '../../ports/agent-store.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import * as agentQueries from '../agent-queries.js';
import * as applicationQueries from '../agent-queries-applications.js';
import * as robotQueries from '../agent-queries-robots.js';
import { AccountTables } from './account-tables.js';

/** Voice agents, LLM applications and robots (see store-tables.ts for how the layers compose). */
export abstract class AgentTables extends AccountTables implements AgentStore {
  /** Adds an AI voice agent; AlreadyExists on a taken name. */
  insertVoiceAgent(agent: VoiceAgentRecord): Promise<void> {
    return agentQueries.insertVoiceAgent(this.db, agent);
  }

  /** One agent of the account. */
  getVoiceAgent(accountId: string, agentId: string): Promise<VoiceAgentRecord | undefined> {
    return agentQueries.getVoiceAgent(this.db, accountId, agentId);
  }

  /** Writes the agent if it is still at `expectedRevision`. */
  replaceVoiceAgent(agent: VoiceAgentRecord, expectedRevision: number): Promise<boolean> {
    return agentQueries.replaceVoiceAgent(this.db, agent, expectedRevision);
  }

  /** Deletes an agent of the account. */
  deleteVoiceAgent(accountId: string, agentId: string): Promise<boolean> {
    return agentQueries.deleteVoiceAgent(this.db, accountId, agentId);
  }

  /** The account's agents, newest first. */
  pageVoiceAgents(accountId: string, filter: VoiceAgentFilter, page: PageRequest): Promise<Page<VoiceAgentRecord>> {
    return agentQueries.pageVoiceAgents(this.db, accountId, filter, page);
  }

  /** Ids of the account's agents whose name contains the fragment. */
  voiceAgentIdsByName(accountId: string, fragment: string, limit: number): Promise<string[]> {
    return agentQueries.voiceAgentIdsByName(this.db, accountId, fragment, limit);
  }

  /** Names of the given agents of the account. */
  voiceAgentNames(accountId: string, agentIds: readonly string[]): Promise<Map<string, string>> {
    return agentQueries.voiceAgentNames(this.db, accountId, agentIds);
  }

  /** How many of the account's agents link the application. */
  countVoiceAgentsUsingApplication(accountId: string, applicationCode: string): Promise<number> {
    return agentQueries.countVoiceAgentsUsingApplication(this.db, accountId, applicationCode);
  }

  /** Adds an LLM application; AlreadyExists on a taken name or code. */
  insertLlmApplication(app: LlmApplicationRecord): Promise<void> {
    return applicationQueries.insertLlmApplication(this.db, app);
  }

  /** One application of the account. */
  getLlmApplication(accountId: string, code: string): Promise<LlmApplicationRecord | undefined> {
    return applicationQueries.getLlmApplication(this.db, accountId, code);
  }

  /** Writes the application if it is still at `expectedRevision`. */
  replaceLlmApplication(app: LlmApplicationRecord, expectedRevision: number): Promise<boolean> {
    return applicationQueries.replaceLlmApplication(this.db, app, expectedRevision);
  }

  /** Deletes an application of the account. */
  deleteLlmApplication(accountId: string, code: string): Promise<boolean> {
    return applicationQueries.deleteLlmApplication(this.db, accountId, code);
  }

  /** The account's applications, newest first. */
  pageLlmApplications(accountId: string, filter: NameFilter, page: PageRequest): Promise<Page<LlmApplicationRecord>> {
    return applicationQueries.pageLlmApplications(this.db, accountId, filter, page);
  }

  /** Adds a robot; AlreadyExists on a taken name. */
  insertRobot(robot: RobotRecord): Promise<void> {
    return robotQueries.insertRobot(this.db, robot);
  }

  /** One robot of the account. */
  getRobot(accountId: string, robotId: string): Promise<RobotRecord | undefined> {
    return robotQueries.getRobot(this.db, accountId, robotId);
  }

  /** Writes the robot if it is still at `expectedVersion`. */
  replaceRobot(robot: RobotRecord, expectedVersion: number): Promise<boolean> {
    return robotQueries.replaceRobot(this.db, robot, expectedVersion);
  }

  /** Deletes a robot of the account. */
  deleteRobot(accountId: string, robotId: string): Promise<boolean> {
    return robotQueries.deleteRobot(this.db, accountId, robotId);
  }

  /** The account's robots, newest first. */
  pageRobots(accountId: string, filter: NameFilter, page: PageRequest): Promise<Page<RobotRecord>> {
    return robotQueries.pageRobots(this.db, accountId, filter, page);
  }
}
