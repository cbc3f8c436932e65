/** Fixtures shared by the campaign contract files: tasks, imports and a deterministic id source. */
import type { TaskRecord } from '../../src/core/campaigns/campaign-records.js';
import { newTaskRecord } from '../../src/core/campaigns/new-task.js';
import { parseTaskSettings, type TaskSettingsInput } from '../../src/core/campaigns/task-settings.js';
import { IdGenerator } from '../../src/core/ids.js';
import type { EncryptionType } from '../../src/core/numbers/encryption-type.js';
import { ManualClock } from '../../src/ports/clock.js';
import type { ClaimRequest, NewDetail } from '../../src/ports/campaign-store.js';
import type { Store } from '../../src/ports/store.js';
import { T0, account } from './store-fixtures.js';

export { T0 } from './store-fixtures.js';

/** Two tenants every campaign suite creates. */
export const ACC_A = 'acc-campaign-a';
export const ACC_B = 'acc-campaign-b';

/** An id generator on a fixed clock; give each store sharing a database its own node. */
export function idSource(node: number): IdGenerator {
  return new IdGenerator(new ManualClock(T0), node);
}

/** Valid CreateAiCallTask parameters, all day every day. */
export function taskInput(name: string, extra: TaskSettingsInput = {}): TaskSettingsInput {
  return {
    TaskName: name,
    StartType: 'IMMEDIATE',
    CallTime: ['{"startTime":"00:00:00","endTime":"24:00:00"}'],
    CallDay: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'],
    TaskCps: 50,
    ...extra,
  };
}

/** Creates both tenants. */
export async function createTenants(store: Store): Promise<void> {
  await store.insertAccount(account(ACC_A));
  await store.insertAccount(account(ACC_B));
}

/** Creates a task of `accountId` and returns its record. */
export async function createTask(store: Store, ids: IdGenerator, accountId: string, name: string, extra: TaskSettingsInput = {}): Promise<TaskRecord> {
  const task = newTaskRecord(ids.next(), accountId, parseTaskSettings(taskInput(name, extra)), T0);
  await store.insertTask(task);
  return task;
}

/** `count` plain recipients numbered from `first`, with an outId and one variable each. */
export function recipients(ids: IdGenerator, count: number, first = 0, encryptionType: EncryptionType = 0): NewDetail[] {
  return Array.from({ length: count }, (_, i) => ({
    id: ids.next(),
    number: `1380000${String(first + i).padStart(4, '0')}`,
    encryptionType,
    outId: `out-${first + i}`,
    variables: { name: `n${first + i}` },
  }));
}

/** Imports `count` recipients into the task as one batch; returns the batch id and the details. */
export async function importBatch(
  store: Store,
  ids: IdGenerator,
  task: TaskRecord,
  count: number,
  options: { first?: number; at?: number } = {},
): Promise<{ batchId: string; details: NewDetail[] }> {
  const batchId = ids.next();
  const details = recipients(ids, count, options.first ?? 0);
  const outcome = await store.importDetails({ accountId: task.accountId, taskId: task.id, batchId, encryptionType: 0, details, at: options.at ?? T0 });
  if (!outcome) throw new Error(`task ${task.id} not found for import`);
  return { batchId, details };
}

/** A claim request with test defaults (lease 60 s, owner "dialer-1"). */
export function claimRequest(taskId: string, ids: IdGenerator, extra: Partial<ClaimRequest> = {}): ClaimRequest {
  return { taskId, now: T0 + 1000, limit: 10, leaseOwner: 'dialer-1', leaseMs: 60_000, ids, ...extra };
}

/** Claims until nothing is due; returns the claimed detail ids in claim order. */
export async function claimAll(store: Store, request: ClaimRequest): Promise<string[]> {
  const claimed: string[] = [];
  for (;;) {
    const claims = await store.claimDueDetails(request);
    if (claims.length === 0) return claimed;
    claimed.push(...claims.map((c) => c.detail.id));
  }
}
