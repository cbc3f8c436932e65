/** What the agent use cases need from the world, and the read-change-write loop they share. */
import type { AgentStore } from '../../ports/agent-store.js';
import type { CampaignStore, TaskListFilter } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import type { TaskStatus } from '../campaigns/task-status.js';
import { DomainError } from '../errors.js';

/** Dependencies of the agent registry. */
export interface AgentDeps {
  store: AgentStore;
  /** Tasks, asked whether an agent or application about to be deleted is still in use. */
  tasks: Pick<CampaignStore, 'listTasks'>;
  /** Numeric ids (AgentId, DialogId), like IdGenerator's. */
  ids: { next(): string };
  clock: Clock;
  /** A fresh uuid-like id for the parts of a model configuration. */
  newId: () => string;
  /** `size` random bytes, for ApplicationCodes. */
  randomBytes: (size: number) => Uint8Array;
}

/** The error for an id the account does not have (another account's id included). */
export function notFound(param: string, id: string): DomainError {
  return new DomainError('NotFound', `The specified ${param} "${id}" does not exist.`, param);
}

// Each retry re-reads the record, so only a burst of writers to one record exhausts these.
const MAX_WRITE_ATTEMPTS = 5;

/** How to change one stored record: read it, compute the next version, write it if nobody wrote in between. */
export interface RecordChange<T> {
  load(): Promise<T | undefined>;
  change(current: T): T;
  /** Compare-and-set; false when the record changed or went away since `current` was read. */
  write(next: T, current: T): Promise<boolean>;
  missing(): DomainError;
}

/** Applies a change with optimistic concurrency; a concurrent writer makes it start over from a fresh read. */
export async function changeRecord<T>(how: RecordChange<T>): Promise<T> {
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const current = await how.load();
    if (current === undefined) throw how.missing();
    const next = how.change(current);
    if (await how.write(next, current)) return next;
  }
  throw new DomainError('InvalidState', 'the record kept changing under concurrent requests; try again');
}

/** Task statuses from which a task can still place calls (it may be started again). */
const UNFINISHED: readonly TaskStatus[] = ['INIT', 'RUNNING', 'STOPPED', 'FAILED'];

/** InvalidState when an unfinished task of the account matches `filter`, naming one of them. */
export async function refuseIfUsedByTasks(deps: AgentDeps, accountId: string, filter: TaskListFilter, what: string, param: string): Promise<void> {
  const used = await deps.tasks.listTasks(accountId, { ...filter, statuses: UNFINISHED }, { pageNo: 1, pageSize: 1 });
  const example = used.items[0];
  if (used.total > 0 && example) {
    throw new DomainError(
      'InvalidState',
      `${what} is used by ${used.total} unfinished task(s), e.g. "${example.settings.name}" (${example.status}); cancel them or let them complete first`,
      param,
    );
  }
}
