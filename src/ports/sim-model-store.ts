/** Persistence of each account's simulated-carrier outcome model (docs/simulator.md). */

/** An account's stored model: the JSON text as set through the API, already validated. */
export interface SimModelRecord {
  accountId: string;
  /** JSON text of the model; fields left out follow the default model. */
  model: string;
  updatedAt: number;
}

/** One outcome model per account, at most. */
export interface SimModelStore {
  /** The account's model; undefined when it uses the default. */
  getSimModel(accountId: string): Promise<SimModelRecord | undefined>;
  /** Sets or replaces the account's model. */
  putSimModel(record: SimModelRecord): Promise<void>;
  /** Forgets the account's model (back to the default); false when it had none. */
  deleteSimModel(accountId: string): Promise<boolean>;
}
