/**
 * Each account's outcome model kept in the store: set, read and reset through the waihu API, and handed to the
 * simulated carrier as its SimModelSource. The carrier's lookups are cached for a few seconds (`cacheMs`) so a dial
 * does not always hit the database; a model set through the API therefore reaches every dialer within that time.
 */
import { DomainError } from '../../../core/errors.js';
import type { Clock } from '../../../ports/clock.js';
import type { SimModelStore } from '../../../ports/sim-model-store.js';
import { DEFAULT_SIM_MODEL, parseSimModel, type SimModel, type SimModelSource } from './sim-model.js';

/** How long the carrier keeps using a model it read (or the absence of one) before reading the store again. */
export const SIM_MODEL_CACHE_MS = 5_000;

const MAX_ENTRIES = 10_000;

/** An account's effective model and where it comes from. */
export interface AccountSimModel {
  /** The model the simulated carrier uses: the stored one with left-out fields from the default, or the default. */
  model: SimModel;
  /** True when the account has no model of its own. */
  isDefault: boolean;
  /** When the account's model was last set; undefined for the default. */
  updatedAt?: number;
}

interface Entry {
  /** The lookup itself, so concurrent dials after expiry share one database read. */
  value: Promise<Loaded | undefined>;
  expiresAt: number;
}

/** A parsed stored model with the text it came from, so an unchanged row keeps its (already validated) object. */
interface Loaded {
  text: string;
  model: SimModel;
}

/** The store-backed models; see the module comment. */
export class StoredSimModels implements SimModelSource {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: SimModelStore,
    private readonly clock: Clock,
    private readonly cacheMs = SIM_MODEL_CACHE_MS,
  ) {}

  /** The carrier's lookup: the account's model as of at most `cacheMs` ago; undefined means the default. */
  async modelFor(accountId: string): Promise<SimModel | undefined> {
    const now = this.clock.now();
    const hit = this.entries.get(accountId);
    if (hit && hit.expiresAt > now) return (await hit.value)?.model;
    const value = this.load(accountId, hit?.value);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const entry = { value, expiresAt: now + this.cacheMs };
    this.entries.set(accountId, entry);
    // A failed read must not be remembered: the next dial tries the database again.
    value.catch(() => {
      if (this.entries.get(accountId) === entry) this.entries.delete(accountId);
    });
    return (await value)?.model;
  }

  /** The account's effective model, read from the store now (no cache). */
  async current(accountId: string): Promise<AccountSimModel> {
    const record = await this.store.getSimModel(accountId);
    if (!record) return { model: DEFAULT_SIM_MODEL, isDefault: true };
    return { model: parseStored(record.model), isDefault: false, updatedAt: record.updatedAt };
  }

  /** Validates `model` (parsed JSON) and makes it the account's; InvalidArgument naming every problem when bad. */
  async set(accountId: string, model: unknown, at: number): Promise<AccountSimModel> {
    const valid = parseSimModel(model);
    // Stored as written, so fields left out keep following the default model.
    await this.store.putSimModel({ accountId, model: JSON.stringify(model), updatedAt: at });
    this.entries.delete(accountId);
    return { model: valid, isDefault: false, updatedAt: at };
  }

  /** Puts the account back on the default model; false when it had none of its own. */
  async reset(accountId: string): Promise<boolean> {
    const removed = await this.store.deleteSimModel(accountId);
    this.entries.delete(accountId);
    return removed;
  }

  private async load(accountId: string, previous: Promise<Loaded | undefined> | undefined): Promise<Loaded | undefined> {
    const record = await this.store.getSimModel(accountId);
    if (!record) return undefined;
    const before = await previous?.catch(() => undefined);
    if (before?.text === record.model) return before;
    return { text: record.model, model: parseStored(record.model) };
  }
}

/** A stored model was validated when set; one that no longer parses (an older release's format) is named. */
function parseStored(text: string): SimModel {
  try {
    return parseSimModel(JSON.parse(text));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new DomainError('Internal', `the stored simulator model no longer validates (${why}); set it again`);
  }
}
