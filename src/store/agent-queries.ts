/**
 * Queries for AI voice agents: every query is scoped by account, updates are compare-and-set on a revision column, a
 * taken name becomes AlreadyExists.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AgentConfig, VoiceAgentRecord } from '../core/agents/ai-voice-agent.js';
import type { VoiceAgentFilter } from '../ports/agent-store.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import { countRows, nameContains, pageBounds } from './paging.js';
import { guardUnique, type UniqueGuard } from './unique-guards.js';
import type { AiVoiceAgentsTable, Database } from './schema.js';

const nameGuard = (name: string): UniqueGuard => ({
  index: 'ai_voice_agents_account_name',
  table: 'ai_voice_agents',
  columns: ['account_id', 'name'],
  param: 'Name',
  message: `an agent named "${name}" already exists`,
});

/** The row's columns for an agent, without its key. */
function columns(agent: VoiceAgentRecord) {
  return {
    name: agent.name,
    description: agent.description,
    application_code: agent.applicationCode,
    status: agent.status,
    draft: JSON.stringify(agent.draft),
    online: agent.online === null ? null : JSON.stringify(agent.online),
    online_version: agent.onlineVersion,
    last_online_at: agent.lastOnlineAt,
    revision: agent.revision,
    created_at: agent.createdAt,
    updated_at: agent.updatedAt,
  };
}

/** The agent a row holds; Number() because a driver may return bigint columns in another numeric form. */
function toAgent(row: Selectable<AiVoiceAgentsTable>): VoiceAgentRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    description: row.description,
    applicationCode: row.application_code,
    status: row.status,
    draft: JSON.parse(row.draft) as AgentConfig,
    online: row.online === null ? null : (JSON.parse(row.online) as AgentConfig),
    onlineVersion: Number(row.online_version),
    lastOnlineAt: row.last_online_at === null ? null : Number(row.last_online_at),
    revision: Number(row.revision),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Adds an agent; AlreadyExists when the account has one of that name. */
export async function insertVoiceAgent(db: Kysely<Database>, agent: VoiceAgentRecord): Promise<void> {
  await guardUnique([nameGuard(agent.name)], () =>
    db.insertInto('ai_voice_agents').values({ id: agent.id, account_id: agent.accountId, ...columns(agent) }).execute(),
  );
}

/** One agent of the account. */
export async function getVoiceAgent(db: Kysely<Database>, accountId: string, agentId: string): Promise<VoiceAgentRecord | undefined> {
  const row = await db.selectFrom('ai_voice_agents').selectAll().where('id', '=', agentId).where('account_id', '=', accountId).executeTakeFirst();
  return row && toAgent(row);
}

/** Writes the agent if its stored revision is still `expectedRevision`. */
export async function replaceVoiceAgent(db: Kysely<Database>, agent: VoiceAgentRecord, expectedRevision: number): Promise<boolean> {
  const result = await guardUnique([nameGuard(agent.name)], () =>
    db
      .updateTable('ai_voice_agents')
      .set(columns(agent))
      .where('id', '=', agent.id)
      .where('account_id', '=', agent.accountId)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes an agent of the account. */
export async function deleteVoiceAgent(db: Kysely<Database>, accountId: string, agentId: string): Promise<boolean> {
  const result = await db.deleteFrom('ai_voice_agents').where('id', '=', agentId).where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The account's agents matching the filter, newest first. */
export async function pageVoiceAgents(db: Kysely<Database>, accountId: string, filter: VoiceAgentFilter, page: PageRequest): Promise<Page<VoiceAgentRecord>> {
  let query = db.selectFrom('ai_voice_agents').where('account_id', '=', accountId);
  if (filter.agentId !== undefined) query = query.where('id', '=', filter.agentId);
  if (filter.name) query = query.where(nameContains(filter.name));
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return { total, items: rows.map(toAgent) };
}

/** Ids of the account's agents whose name contains the fragment. */
export async function voiceAgentIdsByName(db: Kysely<Database>, accountId: string, fragment: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('ai_voice_agents')
    .select('id')
    .where('account_id', '=', accountId)
    .where(nameContains(fragment))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Names of the given agents of the account. */
export async function voiceAgentNames(db: Kysely<Database>, accountId: string, agentIds: readonly string[]): Promise<Map<string, string>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ai_voice_agents')
    .select(['id', 'name'])
    .where('account_id', '=', accountId)
    .where('id', 'in', [...new Set(agentIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many of the account's agents link the application. */
export async function countVoiceAgentsUsingApplication(db: Kysely<Database>, accountId: string, applicationCode: string): Promise<number> {
  return countRows(db.selectFrom('ai_voice_agents').where('account_id', '=', accountId).where('application_code', '=', applicationCode));
}
