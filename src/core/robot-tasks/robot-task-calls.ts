/**
 * The call items of QueryRobotTaskCallList and QueryRobotTaskCallDetail, built from a callee's latest ended attempt
 * and its dialog. Choices where the doc is unclear or contradicts itself (docs/robot-tasks.md):
 * - hangupDirection: "1" the callee, "0" the robot (the two response tables and the example, whose "1" comes with
 *   "用户挂断", against the request table); the HangupDirection filter reads the same way. A hang-up by the
 *   platform (timeout) counts as the robot's side.
 * - callResult is the doc's words for the outcome (its example: "无法接通"); callResultCode (waihu's) is the code the
 *   CallResult filter takes.
 * - The intent counts: waihu's robots have no knowledge base, so each callee utterance is counted by its stance
 *   (core/calls/call-analysis-stance.ts): agreement → sureCount, refusal → denyCount, an outright rejection of the
 *   call (harassment, "don't call") → rejectCount, a question about the caller → knowledgeCommonCount (and
 *   konwledgeCount), a key press → customCount, anything else → defaultCount. knowledgeBusinessCount is 0.
 * - Times are `yyyy.MM.dd HH:mm:ss` as in the examples; speakTime is `yyyy-MM-dd HH:mm:ss` as in its example.
 * - recordStatus is 1 with recordFile a signed link that expires (docs/recordings.md) for a recorded call (SIP);
 *   otherwise 2 and "" (the simulated carrier has no audio to keep).
 */
import type { RecordingUrls } from '../recordings/recording-links.js';
import type { CallResult } from '../calls/call-result.js';
import { DYVMS_STATUS_CODE, STATUS_MESSAGE } from '../calls/call-result.js';
import { utteranceStance } from '../calls/call-analysis-stance.js';
import type { DialogTurn } from '../calls/dialog.js';
import { formatDateTime } from '../local-time.js';
import type { RobotTaskCall } from '../../ports/robot-task-store.js';
import { ROBOT_TRANSFER_TAG, ROBOT_WARNING_TAG } from './robot-task-flow.js';
import { recallStateCodeOf } from './robot-task-settings.js';

/** The doc's words for the outcomes it names; the rest use the carrier's status text. */
const RESULT_WORDS: Readonly<Partial<Record<CallResult, string>>> = {
  ANSWERED: '已接通',
  USER_BUSY: '占线',
  NO_ANSWER: '无应答',
  UNAVAILABLE: '无法接通',
  NO_USER_RESPONSE: '无法接通',
  POWERED_OFF: '关机',
  SUSPEND: '停机',
  NETWORK_BUSY: '呼损',
  OPERATOR_BLOCK: '呼损',
};

/** An utterance rejecting the call itself, which outranks a plain refusal. */
const REJECTION = /骚扰|别再打|别打|不要再打|投诉|拉黑|滚/u;

/** The code QueryRobotTaskCallList's CallResult filter takes for an outcome. */
export function callResultCode(result: CallResult): string {
  return recallStateCodeOf(result) ?? DYVMS_STATUS_CODE[result];
}

/** The outcomes a CallResult filter code selects; undefined when the code names none. */
export function resultsOfCode(code: string): CallResult[] | undefined {
  const results = (Object.keys(DYVMS_STATUS_CODE) as CallResult[]).filter((r) => callResultCode(r) === code);
  return results.length > 0 ? results : undefined;
}

/** The intent counts of a dialog (see the module comment). */
export function intentCounts(turns: readonly DialogTurn[]) {
  const counts = { sureCount: 0, denyCount: 0, rejectCount: 0, customCount: 0, konwledgeCount: 0, knowledgeCount: 0, defaultCount: 0, knowledgeBusinessCount: 0, knowledgeCommonCount: 0 };
  for (const turn of turns) {
    if (turn.role !== 'user') continue;
    if (turn.dtmf !== undefined) {
      counts.customCount++;
      continue;
    }
    if (REJECTION.test(turn.content)) {
      counts.rejectCount++;
      continue;
    }
    const stance = utteranceStance(turn.content);
    if (stance === 'agreement') counts.sureCount++;
    else if (stance === 'refusal') counts.denyCount++;
    else if (stance === 'question') {
      counts.knowledgeCommonCount++;
      counts.konwledgeCount++;
      counts.knowledgeCount++;
    } else counts.defaultCount++;
  }
  return counts;
}

/** `yyyy.MM.dd HH:mm:ss`, or "" for no time. */
function dotted(at: number | null | undefined, zone: string): string {
  return at === null || at === undefined ? '' : formatDateTime(at, zone).replace(/-/g, '.');
}

/** One item of QueryRobotTaskCallList. */
export function callListItem(call: RobotTaskCall, zone: string): Record<string, unknown> {
  const { detail, attempt, dialog } = call;
  const result = attempt.callResult ?? 'OTHERS';
  const tags = dialog?.analysis.tags ?? [];
  const transfer = tags.find((t) => t.name === ROBOT_TRANSFER_TAG)?.value;
  const label = tags.filter((t) => t.name !== ROBOT_TRANSFER_TAG && t.name !== ROBOT_WARNING_TAG).map((t) => t.value);
  const warning = tags.find((t) => t.name === ROBOT_WARNING_TAG)?.value;
  return {
    taskId: attempt.taskId,
    caller: attempt.callerNumber ?? '',
    called: detail.number,
    duration: String(attempt.durationSeconds ?? 0),
    label: label.join('，'),
    dialogCount: String(dialog?.analysis.turnCount ?? attempt.conversationTurnCount ?? 0),
    callResult: RESULT_WORDS[result] ?? STATUS_MESSAGE[result],
    callResultCode: callResultCode(result),
    hangupDirection: attempt.hangupDirection === 'user' ? '1' : attempt.hangupDirection === 'robot' ? '0' : '',
    transferResult: transfer ? '1' : '3',
    transferNumber: transfer ?? '',
    transferFailReason: '',
    callId: attempt.callId,
    recallCurTimes: attempt.attemptNumber - 1,
    callStartTime: dotted(attempt.originatedAt ?? attempt.claimedAt, zone),
    callEndTime: dotted(attempt.releaseAt ?? attempt.endedAt, zone),
    ...intentCounts(dialog?.turns ?? []),
    majorIntent: dialog?.analysis.majorIntent ?? attempt.majorIntent ?? '',
    ...(warning !== undefined ? { warning } : {}),
  };
}

/** The item of QueryRobotTaskCallDetail: the list item plus the recording and the dialog. */
export function callDetailItem(call: RobotTaskCall, zone: string, recordingUrls: RecordingUrls): Record<string, unknown> {
  const answeredAt = call.attempt.answerAt ?? call.attempt.originatedAt ?? call.attempt.claimedAt;
  const dialogDetail = (call.dialog?.turns ?? []).map((turn) => ({
    role: turn.role === 'assistant' ? 'robot' : 'user',
    speakTime: formatDateTime(answeredAt + turn.at, zone),
    content: turn.interrupted ? `<客户打断>${turn.content}` : turn.content,
  }));
  const recording = call.dialog?.recording;
  const record = recording ? { recordStatus: 1, recordFile: recordingUrls.urlOf(recording) } : { recordStatus: 2, recordFile: '' };
  return { ...callListItem(call, zone), summary: call.dialog?.analysis.summary ?? '', ...record, dialogDetail };
}
