/**
 * The minimal flow for answered campaign calls: speak the agent's opening line with the recipient's
 * variables filled in, give the callee a moment to answer, hang up. Written only against CallSession, so it
 * runs the same on the simulator and on SIP.
 */
import { fillTemplate } from '../core/templates.js';
import { CallHungUpError, type CallSession, type ListenResult } from '../ports/call-session.js';

/** Settings of the opening-line flow. */
export interface OpeningLineOptions {
  /** The agent's opening line, with placeholders. */
  template: string;
  /** How long to wait for the callee after speaking. Default 5 s. */
  listenTimeoutMs?: number;
}

/** What happened on the call, for the dialog record. */
export interface OpeningLineReport {
  /** The line as spoken (placeholders filled). */
  said: string;
  /** Placeholders that had no variable; they were spoken as empty. */
  missing: string[];
  /** What the callee did after the line; absent when the call ended before. */
  reply?: ListenResult;
  /** True when the callee (or a timeout) ended the call before the flow hung up. */
  endedEarly: boolean;
}

/** Runs the flow on one answered call; a hang-up midway is reported, not thrown. */
export async function runOpeningLine(session: CallSession, options: OpeningLineOptions): Promise<OpeningLineReport> {
  const { text, missing } = fillTemplate(options.template, session.variables);
  const report: OpeningLineReport = { said: text, missing, endedEarly: false };
  try {
    if (text.trim() !== '') await session.say(text);
    report.reply = await session.listen({ timeoutMs: options.listenTimeoutMs ?? 5000 });
    await session.hangup();
  } catch (error) {
    if (!(error instanceof CallHungUpError)) throw error;
    report.endedEarly = true;
  }
  return report;
}
