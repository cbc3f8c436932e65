/** Row types of dyvms task-center CallTasks (migration 0011), part of the Database schema (schema.ts). */

/** Row of `call_tasks`: what CreateCallTask was told; the campaign task of the same id runs it. */
export interface CallTasksTable {
  id: string;
  account_id: string;
  task_name: string;
  biz_type: string;
  template_code: string;
  template_name: string;
  /** The caller numbers as given, comma-separated. */
  resource: string;
  data_type: string;
  callee_count: number;
  created_at: number;
}

/** The tables by name. */
export interface CallTaskTables {
  call_tasks: CallTasksTable;
}
