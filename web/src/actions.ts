/**
 * Types of the actions the console calls, as the SDKs see them (src/gateway/products/**, docs/aiccs-tasks.md).
 * Only the fields the pages read are typed; the server stays the single source of truth.
 */

export type Product = 'aiccs' | 'dyvmsapi' | 'thirdswaicall' | 'waihu';

/** `{RequestId, Code: "OK", Message, Success, Data}`, the envelope of aiccs task actions and waihu actions. */
export interface Envelope<T> {
  RequestId: string;
  Code: string;
  Message: string;
  Success: boolean;
  Data: T;
}

export interface PageData<T> {
  PageNo: number;
  PageSize: number;
  Total: number;
  List: T[];
}

/** Task status names the QueryAiCallTaskPage filter takes; the list answers the numeric code (index here). */
export const TASK_STATUSES = ['INIT', 'RUNNING', 'STOPPED', 'FAILED', 'COMPLETED', 'CANCELLED'] as const;
export type TaskStatusName = (typeof TASK_STATUSES)[number];

/** What the task list and the task detail both say of a task. */
interface TaskFields {
  TaskId: string;
  TaskName: string;
  AgentId?: string;
  AgentName?: string;
  ApplicationCode?: string;
  ApplicationName?: string;
  StartTime?: number;
  RealStartTime?: number;
  ConcurrentCount?: number;
}

/** One `Data.List[]` entry of QueryAiCallTaskPage. */
export interface TaskListEntry extends TaskFields {
  Status: number;
  CreateTime?: number;
  StartFailedReason?: string;
  TotalCount?: number;
  TotalCallCount?: number;
  DayCallCount?: number;
  DayImportCount?: number;
  CallingCount?: number;
  SucceedCount?: number;
  FailedCount?: number;
  CompleteRate?: string;
  HistoryConnectRate?: string;
  DayConnectRate?: string;
}

/** `Data` of QueryAiCallTaskDetail. */
export interface TaskDetail extends TaskFields {
  StartType?: string;
  CallerNumber?: string;
  LinePhoneNum?: string;
  LineEncoding?: string;
  PhoneType?: string | number;
  CallTimes?: { StartTime: string; EndTime: string }[];
  CallDays?: (string | number)[];
  RetryEnable?: boolean;
  RetryReasons?: (string | number)[];
  RetryCount?: number;
  RetryInterval?: number;
}

/** One `Data.List[]` entry of QueryAiCallDetailPage. */
export interface DetailEntry {
  DetailId: string;
  TaskId: string;
  BatchId?: string;
  CalledNumber: string;
  EncryptionType?: number;
  OutId?: string;
  Status: number;
  ImportedTime?: number;
  CallingTime?: number;
  CallResult?: string;
  FailedReason?: string;
  ConversationDuration?: number;
  ConversationTurnCount?: number;
  MajorIntent?: string;
  Options?: string;
}

/** The 15 documented CallResult codes (the QueryAiCallDetailPage filter). */
export const CALL_RESULTS = [
  'ANSWERED', 'USER_BUSY', 'NO_ANSWER', 'INVALID_NUMBER', 'POWERED_OFF', 'SUSPEND', 'NO_USER_RESPONSE', 'UNAVAILABLE',
  'CALL_REJECTED', 'CALL_FORWARDING', 'INCOMING_CALL_BARRED', 'OPERATOR_BLOCK', 'NETWORK_BUSY', 'CANCEL', 'OTHERS',
] as const;

export interface DetailPageParams {
  TaskId: string;
  /** 0 not finished, 1 ended, 2 failed. */
  Status: number;
  BatchId?: string;
  CalledNumber?: string;
  CallResult?: string;
  MajorIntent?: string;
  OutId?: string;
  MinConversationDuration?: number;
  MaxConversationDuration?: number;
  StartImportedTime?: number;
  EndImportedTime?: number;
  StartCallingTime?: number;
  EndCallingTime?: number;
  PageNo?: number;
  PageSize?: number;
}

/** A key as ListAccessKeys shows it (never the secret). */
export interface AccessKeySummary {
  AccessKeyId: string;
  AccountId: string;
  Status: 'Active' | 'Inactive';
  Description: string;
  CreateTime: number;
}

/** `Data` of CreateAccessKey: the only time the secret is ever shown. */
export interface NewAccessKey {
  AccountId: string;
  AccessKeyId: string;
  AccessKeySecret: string;
}

interface Act<P, R> {
  params: P;
  result: R;
}

/** The typed actions; any other action of a product takes and returns plain JSON objects. */
export interface ActionMap {
  aiccs: {
    QueryAiCallTaskPage: Act<
      { PageNo?: number; PageSize?: number; Status?: TaskStatusName; TaskName?: string; TaskId?: string },
      Envelope<PageData<TaskListEntry>>
    >;
    QueryAiCallTaskDetail: Act<{ TaskId: string }, Envelope<TaskDetail>>;
    QueryAiCallDetailPage: Act<DetailPageParams, Envelope<PageData<DetailEntry>>>;
    StartAiCallTask: Act<{ TaskId: string }, Envelope<boolean>>;
    StopAiCallTask: Act<{ TaskId: string }, Envelope<boolean>>;
  };
  waihu: {
    ListAccessKeys: Act<Record<string, never>, Envelope<{ AccessKeys: AccessKeySummary[] }>>;
    CreateAccessKey: Act<{ Description?: string }, Envelope<NewAccessKey>>;
    UpdateAccessKey: Act<
      { UserAccessKeyId: string; Status: 'Active' | 'Inactive' },
      Envelope<{ AccessKeyId: string; Status: string }>
    >;
    DeleteAccessKey: Act<{ UserAccessKeyId: string }, Envelope<{ AccessKeyId: string }>>;
  };
  dyvmsapi: object;
  thirdswaicall: object;
}

export type ActionParams<P extends Product, A extends string> = A extends keyof ActionMap[P]
  ? ActionMap[P][A] extends Act<infer X, unknown>
    ? X
    : never
  : Record<string, unknown>;
export type ActionResult<P extends Product, A extends string> = A extends keyof ActionMap[P]
  ? ActionMap[P][A] extends Act<unknown, infer Y>
    ? Y
    : never
  : Record<string, unknown>;
