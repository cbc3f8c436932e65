/**
 * The root of the store's area layers. KyselyStore is one object, but its methods are written per area in
 * src/store/tables/: each layer adds one area's methods over the same connection and extends the previous layer.
 * Inheritance is only how those methods reach one object: a call such as store.claimDueDetails() stays a plain
 * prototype method call (no forwarding closure, no extra promise), and each layer's `implements` clause lets the
 * compiler check its area against its port on its own. No layer calls another layer's methods, so the order of the
 * chain carries no meaning beyond readability (account-level areas first, the dialer's hot path last).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Holds the connection every area layer queries through; KyselyStore owns and closes it. */
export abstract class StoreTables {
  constructor(protected readonly db: Kysely<Database>) {}
}
