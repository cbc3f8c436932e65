/** The AI voice agent use cases: create, edit the draft, publish, take offline, delete, look up, list. */
import type { VoiceAgentFilter } from '../../ports/agent-store.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import { readString } from '../campaigns/setting-values.js';
import type { AgentProfile } from './agent-profile.js';
import { agentProfileOf } from './agent-profiles.js';
import { changeRecord, notFound, refuseIfUsedByTasks, type AgentDeps } from './agent-deps.js';
import {
  editedVoiceAgent,
  newVoiceAgent,
  offlineVoiceAgent,
  publishedVoiceAgent,
  type VoiceAgentChanges,
  type VoiceAgentRecord,
} from './ai-voice-agent.js';

/** CreateAiVoiceAgent / UpdateAiVoiceAgent input; ApplicationCode as received ('' unlinks on update). */
export type VoiceAgentInput = Omit<VoiceAgentChanges, 'applicationCode'> & { applicationCode?: unknown };

/** The account's AI voice agents. */
export class VoiceAgentService {
  constructor(private readonly deps: AgentDeps) {}

  /** Creates a DRAFT agent; AlreadyExists when the name is taken, NotFound for an unknown ApplicationCode. */
  async create(accountId: string, input: VoiceAgentInput): Promise<VoiceAgentRecord> {
    const { ids, clock, newId, store } = this.deps;
    const changes = { ...input, applicationCode: await this.applicationCode(accountId, input.applicationCode) };
    const agent = newVoiceAgent({ id: ids.next(), accountId, at: clock.now(), newId }, changes);
    await store.insertVoiceAgent(agent);
    return agent;
  }

  /** Edits the agent's name, description, link and draft; the online version is untouched until the next publish. */
  async update(accountId: string, agentId: string, input: VoiceAgentInput): Promise<VoiceAgentRecord> {
    const changes = { ...input, applicationCode: await this.applicationCode(accountId, input.applicationCode) };
    return this.change(accountId, agentId, (agent) => editedVoiceAgent(agent, changes, this.deps.clock.now(), this.deps.newId));
  }

  /** Puts the draft online as the next version; InvalidState naming what an incomplete draft lacks. */
  publish(accountId: string, agentId: string): Promise<VoiceAgentRecord> {
    return this.change(accountId, agentId, (agent) => publishedVoiceAgent(agent, this.deps.clock.now()));
  }

  /** Takes an ONLINE agent offline: tasks can no longer call with it until it is published again. */
  offline(accountId: string, agentId: string): Promise<VoiceAgentRecord> {
    return this.change(accountId, agentId, (agent) => offlineVoiceAgent(agent, this.deps.clock.now()));
  }

  /** Deletes the agent; InvalidState while a task that may still call uses it. */
  async delete(accountId: string, agentId: string): Promise<void> {
    await this.get(accountId, agentId);
    await refuseIfUsedByTasks(this.deps, accountId, { agentIds: [agentId] }, `agent ${agentId}`, 'AgentId');
    if (!(await this.deps.store.deleteVoiceAgent(accountId, agentId))) throw notFound('AgentId', agentId);
  }

  /** One agent of the account; NotFound otherwise. */
  async get(accountId: string, agentId: string): Promise<VoiceAgentRecord> {
    const agent = await this.deps.store.getVoiceAgent(accountId, agentId);
    if (!agent) throw notFound('AgentId', agentId);
    return agent;
  }

  /** The account's agents matching the filter, newest first. */
  page(accountId: string, filter: VoiceAgentFilter, page: PageRequest): Promise<Page<VoiceAgentRecord>> {
    return this.deps.store.pageVoiceAgents(accountId, filter, page);
  }

  /** What a call with this agent runs: its published version, with its linked application's voice as fallback. */
  async profile(accountId: string, agentId: string): Promise<AgentProfile> {
    const agent = await this.get(accountId, agentId);
    const app = agent.applicationCode ? await this.deps.store.getLlmApplication(accountId, agent.applicationCode) : undefined;
    return agentProfileOf(agent, app);
  }

  /** Applies `change` to the stored agent with compare-and-set on its revision. */
  private change(accountId: string, agentId: string, change: (agent: VoiceAgentRecord) => VoiceAgentRecord): Promise<VoiceAgentRecord> {
    return changeRecord({
      load: () => this.deps.store.getVoiceAgent(accountId, agentId),
      change,
      write: (next, current) => this.deps.store.replaceVoiceAgent(next, current.revision),
      missing: () => notFound('AgentId', agentId),
    });
  }

  /** The ApplicationCode to link: undefined keeps the current one, '' unlinks, anything else must exist. */
  private async applicationCode(accountId: string, value: unknown): Promise<string | null | undefined> {
    if (value === undefined) return undefined;
    const code = readString(value, 'ApplicationCode', 32, null);
    if (code === null) return null;
    if (!(await this.deps.store.getLlmApplication(accountId, code))) throw notFound('ApplicationCode', code);
    return code;
  }
}
