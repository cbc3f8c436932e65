/** Every implemented action of dyvmsapi 2017-05-25 (the rest of the product is issue 5's). */
import type { AgentRegistry } from '../../../core/agents/agent-registry.js';
import type { ActionHandler } from '../../action.js';
import { queryRobotv2AllList } from './query-robotv2-all-list.js';

/** The services dyvmsapi's actions need. */
export interface DyvmsServices {
  agents: AgentRegistry;
}

/** Handlers of the dyvmsapi product. */
export function dyvmsHandlers(services: DyvmsServices): ActionHandler[] {
  return [queryRobotv2AllList(services.agents.robots)];
}
