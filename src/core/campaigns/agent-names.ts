/**
 * How the task use cases learn agents' names: QueryAiCallTaskPage filters by AgentName (fuzzy) and both task queries
 * return AgentName. The names are those of the account's AI voice agents in the agent registry.
 */
import type { VoiceAgentStore } from '../../ports/agent-store.js';

/** Names of an account's agents. */
export interface AgentNames {
  /** Ids of the account's agents whose name contains `fragment` (case-insensitive). */
  idsByName(accountId: string, fragment: string): Promise<string[]>;
  /** The names of the given agents; an unknown id is left out. */
  namesOf(accountId: string, agentIds: readonly string[]): Promise<Map<string, string>>;
}

// A fragment as short as one character can match every agent; the task filter takes the ids as one IN list.
const MAX_MATCHED_AGENTS = 1000;

/** Agent names from the stored AI voice agents; a task whose AgentId names no agent of the account has no name. */
export class RegistryAgentNames implements AgentNames {
  constructor(private readonly store: Pick<VoiceAgentStore, 'voiceAgentIdsByName' | 'voiceAgentNames'>) {}

  /** Ids of the account's agents whose name contains the fragment. */
  idsByName(accountId: string, fragment: string): Promise<string[]> {
    return this.store.voiceAgentIdsByName(accountId, fragment, MAX_MATCHED_AGENTS);
  }

  /** Names of the account's agents among `agentIds`. */
  namesOf(accountId: string, agentIds: readonly string[]): Promise<Map<string, string>> {
    return this.store.voiceAgentNames(accountId, agentIds);
  }
}

/**
 * Names without a registry, for use-case tests that need no stored agents: an agent's name is its id, and
 * AgentName matches the id exactly.
 */
export class IdOnlyAgentNames implements AgentNames {
  /** The fragment itself, as the only id it can name. */
  async idsByName(_accountId: string, fragment: string): Promise<string[]> {
    return [fragment];
  }

  /** Every id named by itself. */
  async namesOf(_accountId: string, agentIds: readonly string[]): Promise<Map<string, string>> {
    return new Map(agentIds.map((id) => [id, id]));
  }
}
