/** What the campaign use cases are built from, and the lookups they share. */
import type { CampaignStore } from '../../ports/campaign-store.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type { Clock } from '../../ports/clock.js';
import { DomainError } from '../errors.js';
import type { AgentNames } from './agent-names.js';
import type { TaskRecord } from './campaign-records.js';
import { taskRefusal, type TaskAction } from './task-refusals.js';

/** Issues the 18-19 digit ids of tasks, batches and details; IdGenerator fits. */
export interface IdSource {
  next(): string;
}

/** Dependencies of the campaign use cases; wired in src/app. */
export interface CampaignDeps {
  /** The campaign tables, and the dialogs of their calls (the conversation queries return them). */
  store: CampaignStore & Pick<ConversationStore, 'getCallDialog'>;
  ids: IdSource;
  clock: Clock;
  agents: AgentNames;
}

/**
 * The NotFound refusal for an id the account does not own. It reads the same whether the id never existed or
 * belongs to another account, so a tenant cannot probe another's ids.
 */
export function notFound(param: string, id: string): DomainError {
  return new DomainError('NotFound', `The specified ${param} "${id}" does not exist.`, param);
}

/** The account's aiccs task, or NotFound naming TaskId (a dyvms CallTask or robot task is not an AiCallTask). */
export async function requireTask(deps: CampaignDeps, accountId: string, taskId: string): Promise<TaskRecord> {
  const task = await deps.store.getTask(accountId, taskId);
  if (task?.product !== 'aiccs') throw notFound('TaskId', taskId);
  return task;
}

/**
 * Runs a store write already checked against the task's status. Should the status change in between (another
 * request, the dialer), the store refuses atomically; the refusal is then reworded from the task as it now is.
 * A write that finds no task (undefined) is NotFound.
 */
export async function guardedWrite<T>(deps: CampaignDeps, action: TaskAction, task: TaskRecord, write: () => Promise<T | undefined>): Promise<T> {
  let result: T | undefined;
  try {
    result = await write();
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'InvalidState') throw err;
    const fresh = await deps.store.getTask(task.accountId, task.id);
    throw fresh ? taskRefusal(action, fresh) : err;
  }
  if (result === undefined) throw notFound('TaskId', task.id);
  return result;
}
