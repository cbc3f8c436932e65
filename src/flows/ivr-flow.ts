/**
 * The key-menu flow of dyvms IvrCall. The documentation leaves most of the dialog open; the semantics chosen here
 * (docs/flows.md repeats them):
 * - The start prompt may be cut by a key press; the key is taken as the answer. Each playing of the start prompt
 *   uses one of PlayTimes (1..3, default 1), whether it ends in silence or in a key that is not on the menu, so a
 *   callee pressing wrong keys cannot keep the call alive.
 * - After each start prompt the flow waits `Timeout` (default 5000 ms) for one key (as many digits as the longest
 *   menu key, so menus with keys like "10" work).
 * - A key on the menu plays that entry's prompt (with its TtsParams), then the bye prompt, then hangs up: one level.
 * - A key not on the menu plays the start prompt again while play times are left.
 * - No key, or only wrong keys, by the last play: the bye prompt, then hang up.
 * - With an empty menu any key is accepted (a survey that only collects the key), then the bye prompt.
 * - Menu and bye prompts are heard whole: keys pressed during them are not collected.
 * Every collected key is in the session's report (FlowReport.dtmf, in order) through the recording session.
 */
import { CallHungUpError, type CallSession } from '../ports/call-session.js';
import { clampPlayTimes, playResolved, resolvePrompt, sayOptionsOf, type PromptContent, type VoiceSettings } from './notify-flow.js';

/** One entry of MenuKeyMap: the key and the prompt it plays. */
export interface IvrMenuEntry {
  key: string;
  content: PromptContent;
}

/** Settings of an IVR call, as IvrCall gives them. */
export interface IvrOptions extends VoiceSettings {
  /** StartCode with StartTtsParams. */
  start: PromptContent;
  /** How many times the start prompt may play, 1..3; default 1. */
  playTimes?: number;
  /** How long to wait for a key after the start prompt; default 5000 ms. */
  timeoutMs?: number;
  /** ByeCode with ByeTtsParams; when absent the call just ends. */
  bye?: PromptContent;
  menu: readonly IvrMenuEntry[];
}

/** How an IVR call ended. */
export type IvrEnding = 'matched' | 'no-key' | 'wrong-key' | 'hung-up';

/** What happened on an IVR call. */
export interface IvrReport {
  /** Every key (or key sequence) collected, in order. */
  keys: string[];
  /** The menu key that was accepted. */
  matchedKey?: string;
  /** Times the start prompt was played (or begun: a key may cut it). */
  startsPlayed: number;
  ending: IvrEnding;
  /** Placeholders without a value in any prompt played; they were spoken as empty. */
  missing: string[];
}

const DEFAULT_TIMEOUT_MS = 5000;

/** The menu entry of `digits`; with an empty menu any key is accepted (entry undefined, accepted true). */
function lookup(menu: readonly IvrMenuEntry[], digits: string): { accepted: boolean; entry?: IvrMenuEntry } {
  if (menu.length === 0) return { accepted: true };
  const entry = menu.find((m) => m.key.trim() === digits);
  return entry ? { accepted: true, entry } : { accepted: false };
}

/** Runs the IVR dialog on an answered call; a hang-up midway is reported, not thrown. */
export async function runIvr(session: CallSession, options: IvrOptions): Promise<IvrReport> {
  const report: IvrReport = { keys: [], startsPlayed: 0, ending: 'no-key', missing: [] };
  const play = async (content: PromptContent, bargeIn: boolean): Promise<void> => {
    const prompt = resolvePrompt(content, session.variables);
    for (const name of prompt.missing) if (!report.missing.includes(name)) report.missing.push(name);
    await playResolved(session, prompt, sayOptionsOf(options, bargeIn));
  };
  try {
    await askMenu(session, options, report, play);
    if (options.bye) await play(options.bye, false);
    await session.hangup();
  } catch (error) {
    if (!(error instanceof CallHungUpError)) throw error;
    report.ending = 'hung-up';
  }
  return report;
}

/** The start prompt and key collection, up to PlayTimes rounds; plays the matched entry's prompt. */
async function askMenu(
  session: CallSession,
  options: IvrOptions,
  report: IvrReport,
  play: (content: PromptContent, bargeIn: boolean) => Promise<void>,
): Promise<void> {
  const rounds = clampPlayTimes(options.playTimes, 1);
  const maxDigits = Math.max(1, ...options.menu.map((m) => m.key.trim().length));
  const timeoutMs = options.timeoutMs !== undefined && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
  for (let round = 0; round < rounds; round++) {
    await play(options.start, true);
    report.startsPlayed++;
    const { digits } = await session.collectDtmf({ maxDigits, timeoutMs });
    if (digits === '') continue;
    report.keys.push(digits);
    const { accepted, entry } = lookup(options.menu, digits);
    if (!accepted) {
      report.ending = 'wrong-key';
      continue;
    }
    report.matchedKey = digits;
    report.ending = 'matched';
    if (entry) await play(entry.content, false);
    return;
  }
}
