/** Row types of the virtual-number tables (migration 0008), part of the Database schema (schema.ts). */

/** Row of `virtual_number_relations`: one real number bound to one virtual number of the account. */
export interface VirtualNumberRelationsTable {
  account_id: string;
  phone_num: string;
  related_num: string;
  corp_name: string;
  /** 0 home-location first, 1 random; the same on every row of one virtual number. */
  route_type: number;
  /** The doc's number type of phone_num (1 MVNO, 2 carrier, 3 95), kept so SpecId filters by index. */
  spec_id: number;
  created_at: number;
}

/** The virtual-number tables by name. */
export interface VirtualNumberTables {
  virtual_number_relations: VirtualNumberRelationsTable;
}
