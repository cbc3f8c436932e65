/**
 * Ids of the parts of a model configuration (main purpose, its values, child tasks, call variables, output tags and
 * their values). aiccs reports each with a uuid-like Id; callers rarely send them, so waihu assigns them. An item
 * sent without an Id keeps the Id it had in the previous draft when it has the same name (or value), so editing one
 * tag's description does not renumber every tag a report or a downstream system refers to.
 */
import type { AiVoiceAgentModelConfig, ConfigEnumValue } from './agent-config.js';

/** Issues a fresh uuid-like id. */
export type NewId = () => string;

/** Fills the Ids of `items`: given, else the previous item with the same key's, else a new one. */
function withIds<T extends { Id?: string | undefined }>(
  items: readonly T[] | undefined,
  previous: readonly T[] | undefined,
  key: (item: T) => string,
  newId: NewId,
  inner: (item: T, before: T | undefined) => T = (item) => item,
): T[] | undefined {
  if (items === undefined) return undefined;
  const byKey = new Map((previous ?? []).map((p) => [key(p), p]));
  return items.map((item) => {
    const before = byKey.get(key(item));
    return { ...inner(item, before), Id: item.Id || before?.Id || newId() };
  });
}

/** Enum values keyed by Value. */
function enumIds(values: readonly ConfigEnumValue[] | undefined, previous: readonly ConfigEnumValue[] | undefined, newId: NewId) {
  return withIds(values, previous, (v) => v.Value, newId);
}

/** The configuration with every Id filled; `previous` is the draft being replaced, when there is one. */
export function assignConfigIds(config: AiVoiceAgentModelConfig, previous: AiVoiceAgentModelConfig | undefined, newId: NewId): AiVoiceAgentModelConfig {
  const out: AiVoiceAgentModelConfig = { ...config };
  if (config.MainPurpose) {
    const mp = config.MainPurpose;
    const before = previous?.MainPurpose?.MainPurposeName === mp.MainPurposeName ? previous.MainPurpose : undefined;
    out.MainPurpose = {
      ...mp,
      MainPurposeType: 'ENUM',
      Id: mp.Id || before?.Id || newId(),
      MainPurposeEnum: enumIds(mp.MainPurposeEnum, before?.MainPurposeEnum, newId) ?? [],
    };
  }
  out.ChildTaskList = withIds(config.ChildTaskList, previous?.ChildTaskList, (t) => t.ChildTaskName, newId);
  out.PhoneTagConfig = withIds(config.PhoneTagConfig, previous?.PhoneTagConfig, (t) => t.PhoneTagKey, newId, (t, before) =>
    t.PhoneTagEnum ? { ...t, PhoneTagEnum: enumIds(t.PhoneTagEnum, before?.PhoneTagEnum, newId) } : t,
  );
  out.OutputTagConfig = withIds(config.OutputTagConfig, previous?.OutputTagConfig, (t) => t.OutputTagName, newId, (t, before) =>
    t.OutputTagEnum ? { ...t, OutputTagEnum: enumIds(t.OutputTagEnum, before?.OutputTagEnum, newId) } : t,
  );
  return withoutUndefined(out);
}

/** Drops undefined members, so a stored configuration holds only what was set. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
