/**
 * What the call detail page shows, read through the same actions as the SDKs: thirdswaicall QueryOutboundCallDetail
 * (the call, summary, tags, variables, recording link), aiccs GetCallDialogContent (the turns with `<客户打断>` on the
 * callee's barge-ins, which DialogContent leaves out) and, for the times around the answer and the intent, aiccs
 * QueryConversationDetailInfoNew for a campaign call or dyvms QueryCallDetailByCallId for a single call.
 */
import { ApiError, callAction } from '../../api';

/** One line of the transcript. */
export interface Turn {
  speaker: 'agent' | 'user';
  text: string;
  /** The callee began speaking while our prompt was still playing. */
  interrupted: boolean;
  /** The digits, when the callee's turn is a key press. */
  keys?: string;
}

/** A time as an action gives it: epoch ms (aiccs) or platform-local `yyyy-MM-dd HH:mm:ss` text (thirdswaicall, dyvms). */
export type When = number | string;

export interface CallView {
  callId: string;
  status: string;
  number?: string;
  customer?: string;
  taskId?: string;
  callTime?: string;
  durationSeconds?: number;
  summary?: string;
  intent?: string;
  tags: string[];
  variables: [string, string][];
  recordUrl?: string;
  turns: Turn[];
  /** False when the turns came from DialogContent (calls older than GetCallDialogContent's 30 days): no barge-in marks. */
  marked: boolean;
  ringTime?: When;
  answerTime?: When;
  endTime?: When;
  /** HangupDirection as aiccs codes it: "0" the callee, "1" the robot. */
  hangup?: string;
  carrierState?: string;
}

const BARGE_IN = '<客户打断>';
const KEYS = /^[0-9*#]+$/;

type Json = Record<string, unknown>;

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return undefined;
}

function parseJson(v: unknown): unknown {
  if (typeof v !== 'string' || v === '') return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

function turn(speaker: Turn['speaker'], raw: string): Turn {
  const interrupted = raw.startsWith(BARGE_IN);
  const said = interrupted ? raw.slice(BARGE_IN.length) : raw;
  const keys = speaker === 'user' && KEYS.test(said) ? said : undefined;
  return { speaker, text: said, interrupted, ...(keys ? { keys } : {}) };
}

/** GetCallDialogContent's DialogContent: `[{content, role}]`, role `assistant` for our side. */
export function turnsOfRecord(json: unknown): Turn[] {
  const list = parseJson(json);
  if (!Array.isArray(list)) return [];
  return list.map((t: Json) => turn(t.role === 'user' ? 'user' : 'agent', String(t.content ?? '')));
}

/** QueryOutboundCallDetail's DialogContent: `[{role, text}]`, role `agent` for our side. */
export function turnsOfDetail(json: unknown): Turn[] {
  const list = parseJson(json);
  if (!Array.isArray(list)) return [];
  return list.map((t: Json) => turn(t.role === 'user' ? 'user' : 'agent', String(t.text ?? '')));
}

function tagsOf(json: unknown): string[] {
  const list = parseJson(json);
  return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string') : [];
}

function variablesOf(json: unknown): [string, string][] {
  const map = parseJson(json);
  if (!map || typeof map !== 'object' || Array.isArray(map)) return [];
  return Object.entries(map as Json).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
}

/** The product ids QueryCallDetailByCallId files single calls under: notifications (SingleCallBy*) and LLM calls. */
const SINGLE_CALL_PRODUCTS = ['11000000300006', '11030000180001'];

/** Noon UTC of a `yyyy-MM-dd` day: inside that calendar day in every zone from UTC-12 to UTC+11. */
function noonOf(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : undefined;
}

/** The turns with barge-in marks, or null when GetCallDialogContent cannot give them (older than 30 days). */
async function markedTurns(callId: string, day: string | undefined): Promise<Turn[] | null> {
  if (!day) return null;
  try {
    const body = await callAction('aiccs', 'GetCallDialogContent', { CallId: callId, CallDate: day.slice(0, 10) });
    return turnsOfRecord((body.Data as Json | undefined)?.DialogContent);
  } catch {
    return null;
  }
}

/** The answer, release and hang-up side of a campaign call, and its intent. */
async function campaignFacts(callId: string, taskId: string): Promise<Partial<CallView>> {
  try {
    const data = (await callAction('aiccs', 'QueryConversationDetailInfoNew', { TaskId: taskId, CallId: callId })).Data as Json;
    return {
      intent: text(data.MajorIntent),
      answerTime: data.PickUpTime as number | undefined,
      endTime: data.ReleaseTime as number | undefined,
      hangup: text(data.HangupDirection),
    };
  } catch {
    return {};
  }
}

/** The ring, answer and end times of a single call, from whichever product id files it. */
async function singleCallFacts(callId: string, day: string | undefined): Promise<Partial<CallView>> {
  const queryDate = day ? noonOf(day) : undefined;
  if (queryDate === undefined) return {};
  const answers = await Promise.all(SINGLE_CALL_PRODUCTS.map(async (ProdId) => {
    try {
      const body = await callAction('dyvmsapi', 'QueryCallDetailByCallId', { CallId: callId, ProdId, QueryDate: queryDate });
      return parseJson(body.Data) as Json | undefined;
    } catch {
      return undefined;
    }
  }));
  const record = answers.find((a) => a && typeof a === 'object');
  if (!record) return {};
  return {
    ringTime: text(record.bRingTime),
    answerTime: text(record.startDate),
    endTime: text(record.endDate),
    carrierState: [text(record.state), text(record.stateDesc)].filter(Boolean).join(' ') || undefined,
  };
}

/** Everything the page shows about one call; throws the ApiError of QueryOutboundCallDetail (NotFound for a bad id). */
export async function loadCall(callId: string): Promise<CallView> {
  const body = await callAction('thirdswaicall', 'QueryOutboundCallDetail', { CallId: callId });
  const d = (body.Data ?? {}) as Json;
  const callTime = text(d.CallTime);
  const taskId = text(d.TaskId);
  const [marked, facts] = await Promise.all([
    markedTurns(callId, callTime),
    taskId ? campaignFacts(callId, taskId) : singleCallFacts(callId, callTime),
  ]);
  return {
    callId,
    status: text(d.CallStatus) ?? 'CALLING',
    number: text(d.PhoneNumber),
    customer: text(d.CustomerName),
    taskId,
    callTime,
    durationSeconds: typeof d.Duration === 'number' ? d.Duration : undefined,
    summary: text(d.Summary),
    tags: tagsOf(d.Tags),
    variables: variablesOf(d.Options),
    recordUrl: text(d.RecordUrl),
    turns: marked ?? turnsOfDetail(d.DialogContent),
    marked: marked !== null,
    ...facts,
  };
}

/** Replaces the call's tags (UpdateOutboundCallTags never appends). */
export async function saveTags(callId: string, tags: string[]): Promise<void> {
  await callAction('thirdswaicall', 'UpdateOutboundCallTags', { CallId: callId, Tags: tags });
}

/** True for QueryOutboundCallDetail's answer to an unknown CallId. */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 404 || /NotFound/i.test(err.code));
}
