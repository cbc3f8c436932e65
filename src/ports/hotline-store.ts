/** Persistence port of the 400-number registry: transfer registrations, their review and verification codes. */

/** What the store offers for this area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HotlineStore {}
