/**
 * Persistence of an account's AI voice agents, LLM applications and robots. Every read and write is scoped by
 * account, so another account's id reads as absent. Updates are compare-and-set on the record's revision (a
 * robot's version): the use cases read, change and write back, and a write that lost a race reports false
 * instead of silently undoing the other writer's change.
 */
import type { AgentStatus, VoiceAgentRecord } from '../core/agents/ai-voice-agent.js';
import type { LlmApplicationRecord } from '../core/agents/llm-application.js';
import type { RobotRecord } from '../core/agents/robot.js';
import type { Page, PageRequest } from './campaign-store.js';

/** PageQueryAgentList's filters. */
export interface VoiceAgentFilter {
  agentId?: string;
  /** Substring of the name, case-insensitive. */
  name?: string;
  status?: AgentStatus;
}

/** Name filter of the application and robot listings. */
export interface NameFilter {
  /** Substring of the name, case-insensitive. */
  name?: string;
}

/** AI voice agents. */
export interface VoiceAgentStore {
  /** Adds an agent; AlreadyExists (param Name) when the account has one of that name. */
  insertVoiceAgent(agent: VoiceAgentRecord): Promise<void>;
  getVoiceAgent(accountId: string, agentId: string): Promise<VoiceAgentRecord | undefined>;
  /** Writes `agent` over the stored one if that still has `expectedRevision`; false otherwise. AlreadyExists on a taken name. */
  replaceVoiceAgent(agent: VoiceAgentRecord, expectedRevision: number): Promise<boolean>;
  /** False when the account has no such agent. */
  deleteVoiceAgent(accountId: string, agentId: string): Promise<boolean>;
  /** The account's agents matching the filter, newest first. */
  pageVoiceAgents(accountId: string, filter: VoiceAgentFilter, page: PageRequest): Promise<Page<VoiceAgentRecord>>;
  /** Ids of the account's agents whose name contains `fragment` (case-insensitive), at most `limit`. */
  voiceAgentIdsByName(accountId: string, fragment: string, limit: number): Promise<string[]>;
  /** Names of the given agents of the account; unknown ids are left out. */
  voiceAgentNames(accountId: string, agentIds: readonly string[]): Promise<Map<string, string>>;
  /** How many of the account's agents link the application. */
  countVoiceAgentsUsingApplication(accountId: string, applicationCode: string): Promise<number>;
}

/** LLM applications. */
export interface LlmApplicationStore {
  /** Adds an application; AlreadyExists with param Name on a taken name, param ApplicationCode on a taken code. */
  insertLlmApplication(app: LlmApplicationRecord): Promise<void>;
  getLlmApplication(accountId: string, code: string): Promise<LlmApplicationRecord | undefined>;
  /** Writes `app` over the stored one if that still has `expectedRevision`; false otherwise. AlreadyExists on a taken name. */
  replaceLlmApplication(app: LlmApplicationRecord, expectedRevision: number): Promise<boolean>;
  /** False when the account has no such application. */
  deleteLlmApplication(accountId: string, code: string): Promise<boolean>;
  /** The account's applications matching the filter, newest first. */
  pageLlmApplications(accountId: string, filter: NameFilter, page: PageRequest): Promise<Page<LlmApplicationRecord>>;
}

/** Robots. */
export interface RobotStore {
  /** Adds a robot; AlreadyExists (param Name) when the account has one of that name. */
  insertRobot(robot: RobotRecord): Promise<void>;
  getRobot(accountId: string, robotId: string): Promise<RobotRecord | undefined>;
  /** Writes `robot` over the stored one if that is still at `expectedVersion`; false otherwise. AlreadyExists on a taken name. */
  replaceRobot(robot: RobotRecord, expectedVersion: number): Promise<boolean>;
  /** False when the account has no such robot. */
  deleteRobot(accountId: string, robotId: string): Promise<boolean>;
  /** The account's robots matching the filter, newest first. */
  pageRobots(accountId: string, filter: NameFilter, page: PageRequest): Promise<Page<RobotRecord>>;
}

/** Everything about agents the store keeps. */
export interface AgentStore extends VoiceAgentStore, LlmApplicationStore, RobotStore {}
