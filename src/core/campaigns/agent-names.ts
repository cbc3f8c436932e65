/**
 * How the task use cases learn agents' names: QueryAiCallTaskPage filters by AgentName (fuzzy) and both task queries
 * return AgentName. Agents (robots, LLM agents) are the next issue's work; until they exist an agent is known only by
 * the AgentId a task was created with, which IdOnlyAgentNames treats as its name.
 */

/** Names of an account's agents. */
export interface AgentNames {
  /** Ids of the account's agents whose name contains `fragment` (case-insensitive). */
  idsByName(accountId: string, fragment: string): Promise<string[]>;
  /** The names of the given agents; an unknown id is left out. */
  namesOf(accountId: string, agentIds: readonly string[]): Promise<Map<string, string>>;
}

/**
 * The stand-in while waihu has no agent registry: an agent's name is its id, and AgentName matches the id exactly
 * (without a registry there is nothing to search fuzzily).
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
