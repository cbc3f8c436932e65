/** Row types of dyvms robot tasks layered on campaign tasks (migration 0012), part of the Database schema (schema.ts). */

/** Row of `robot_tasks`: the doc's fields of one robot task; its campaign task has the same id. Booleans are 0/1. */
export interface RobotTasksTable {
  task_id: string;
  account_id: string;
  task_name: string;
  dialog_id: string;
  robot_name: string;
  corp_name: string;
  caller: string;
  number_status_ident: number;
  retry_type: number;
  recall_state_codes: string;
  recall_times: number;
  recall_interval: number;
  is_self_line: number;
  schedule_type: string;
  /** Numbers reserved by uploads, checked against the 300,000 cap in the same UPDATE. */
  number_count: number;
  created_at: number;
  /** Set by DeleteRobotTask; a deleted task is invisible to every query. */
  deleted_at: number | null;
}

/** The tables by name. */
export interface RobotTaskTables {
  robot_tasks: RobotTasksTable;
}
