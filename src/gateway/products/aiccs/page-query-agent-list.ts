/**
 * PageQueryAgentList: the account's AI voice agents, newest first, filtered by AgentId, AgentName (contains,
 * case-insensitive) and Status. Times are 'yyyy-MM-dd HH:mm:ss' strings in the configured time zone, as the doc
 * shows them; AuditReason and BuildFailReason are never present (waihu neither audits nor builds agents).
 */
import { BUSINESS_TYPE_NAMES, type AiVoiceAgentModelConfig } from '../../../core/agents/agent-config.js';
import type { AgentRegistry } from '../../../core/agents/agent-registry.js';
import { AGENT_STATUS_CODE, AGENT_STATUSES, agentStatusOfCode, hasConfig, type AgentStatus, type VoiceAgentRecord } from '../../../core/agents/ai-voice-agent.js';
import { readPage } from '../../../core/campaigns/query-values.js';
import { readInt, readString } from '../../../core/campaigns/setting-values.js';
import { DomainError } from '../../../core/errors.js';
import type { VoiceAgentFilter } from '../../../ports/agent-store.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData, present } from './envelope.js';

/** What the aiccs agent queries need. */
export interface AgentQueryServices {
  agents: AgentRegistry;
  /** IANA zone the 'yyyy-MM-dd HH:mm:ss' times are written in. */
  timeZone: string;
}

/** Writes instants as 'yyyy-MM-dd HH:mm:ss' in one time zone. */
export function wallTimeFormat(timeZone: string): (at: number) => string {
  // sv-SE is the locale whose date-time format is exactly ISO's order with a space.
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  return (at) => format.format(at);
}

/** The status a Status code filters by; InvalidParameter for a code waihu does not use. */
function statusFilter(value: unknown): AgentStatus | undefined {
  const code = readInt(value, 'Status', { min: -(2 ** 31), max: 2 ** 31 }, null);
  if (code === null) return undefined;
  const status = agentStatusOfCode(code);
  if (status === undefined) {
    const known = AGENT_STATUSES.map((s) => `${AGENT_STATUS_CODE[s]} (${s})`).join(', ');
    throw new DomainError('InvalidArgument', `Status must be one of ${known}`, 'Status');
  }
  return status;
}

/** The filters of the request. */
function agentFilter(params: Record<string, unknown>): VoiceAgentFilter {
  const agentId = readString(params.AgentId, 'AgentId', 64, null);
  const name = readString(params.AgentName, 'AgentName', 64, null);
  const status = statusFilter(params.Status);
  return { ...(agentId !== null ? { agentId } : {}), ...(name !== null ? { name } : {}), ...(status ? { status } : {}) };
}

/** The BusinessTypeName of a model configuration, when it has a business type. */
export function businessTypeName(model: AiVoiceAgentModelConfig): string | undefined {
  return model.BusinessType === undefined ? undefined : BUSINESS_TYPE_NAMES[model.BusinessType];
}

/** One `Data.List[]` entry. */
function listEntry(agent: VoiceAgentRecord, time: (at: number) => string): Record<string, unknown> {
  return present({
    AgentId: agent.id,
    AgentName: agent.name,
    Description: agent.description,
    Status: AGENT_STATUS_CODE[agent.status],
    CreateTime: time(agent.createdAt),
    ModifyTime: time(agent.updatedAt),
    LastOnlineTime: agent.lastOnlineAt === null ? undefined : time(agent.lastOnlineAt),
    ApplicationCode: agent.applicationCode,
    BusinessTypeName: businessTypeName(agent.draft.model),
    WithConfig: hasConfig(agent),
    // A published version is in force: the agent's prompt is what calls run with.
    WithActivePrompt: agent.status === 'ONLINE',
  });
}

/** The PageQueryAgentList handler. */
export function pageQueryAgentList(s: AgentQueryServices): ActionHandler {
  const time = wallTimeFormat(s.timeZone);
  return {
    spec: aiccsSpec('PageQueryAgentList'),
    handle: async (ctx, params) => {
      const filter = agentFilter(params);
      const page = readPage(params);
      const result = await s.agents.voiceAgents.page(ctx.accountId, filter, page);
      return okData({ PageNo: page.pageNo, PageSize: page.pageSize, Total: result.total, List: result.items.map((a) => listEntry(a, time)) });
    },
  };
}
