/**
 * What was said on an answered call and what was made of it: the turns every flow records (through the recording
 * session, flows/recording-session.ts) and the post-call analysis stored once with the call's outcome.
 */

/** Who spoke: our side (robot, agent, played prompt) or the called person. Named as aiccs' ConversationRecord names them. */
export type DialogRole = 'assistant' | 'user';

/** One utterance, key press or prompt. */
export interface DialogTurn {
  role: DialogRole;
  /** What was said (recognized speech, spoken text, or for a played voice file its media id in brackets). */
  content: string;
  /** Ms since the call was answered: when our prompt began, or when the callee's utterance or keys were complete. */
  at: number;
  /** A callee turn that began while our prompt was still playing (rendered `<客户打断>` before the text). */
  interrupted?: boolean;
  /** Keys the callee pressed, when the turn is a key press; `content` then holds the digits too. */
  dtmf?: string;
  /** An assistant turn cut short because the callee barged in. */
  cut?: boolean;
}

/** A label a flow or the analysis attached to the call (an agent's output tag, a robot's tag). */
export interface CallTag {
  /** The tag's key (the agent's OutputTagConfig name, or a robot tag name). */
  name: string;
  value: string;
  /** The tag's description from the agent's configuration, when it has one. */
  description?: string;
  /** The id of the tag definition, when the agent defines one. */
  id?: string;
}

/** What a flow hands back when its call ends: the raw material of the analysis. */
export interface FlowReport {
  turns: DialogTurn[];
  /** Tags the flow set during the call (an LLM's set_tag tool call, a robot's tag node). */
  tags: CallTag[];
  /** The intent the flow decided on, when it decided one (a robot's matched intent, an agent's main purpose). */
  majorIntent?: string;
  /** Keys pressed during the call, in order (IVR), for receipts. */
  dtmf?: string[];
  /** The number the call was handed to. */
  transferredTo?: string;
}

/** The post-call analysis: stored once with the call, returned by every query that has these fields. */
export interface CallAnalysis {
  summary: string;
  majorIntent?: string;
  tags: CallTag[];
  /** Turns of the conversation: callee utterances that got an answer (aiccs ConversationTurnCount). */
  turnCount: number;
  /** 'llm' when a model wrote it, 'rules' when the rule engine did. */
  analyzedBy: 'llm' | 'rules';
}

/** The aiccs ConversationRecord of a dialog: JSON text of `[{content, role}]`, barge-ins marked `<客户打断>`. */
export function conversationRecord(turns: readonly DialogTurn[]): string {
  return JSON.stringify(turns.map((t) => ({ content: t.interrupted ? `<客户打断>${t.content}` : t.content, role: t.role })));
}

/** The analysis of a call from what its flow reported alone: its tags and intent, its turns counted, no summary. */
export function basicAnalysis(report: FlowReport): CallAnalysis {
  return {
    summary: '',
    ...(report.majorIntent !== undefined ? { majorIntent: report.majorIntent } : {}),
    tags: report.tags,
    turnCount: userTurns(report.turns),
    analyzedBy: 'rules',
  };
}

/** How many of the turns are the callee's. */
function userTurns(turns: readonly DialogTurn[]): number {
  let n = 0;
  for (const turn of turns) if (turn.role === 'user') n++;
  return n;
}
