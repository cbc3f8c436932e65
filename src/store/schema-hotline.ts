/** Row types of the 400-number registry: transfer registrations, their review and verification codes (migration 0013), part of the Database schema (schema.ts). */

/** The tables by name. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HotlineTables {}
