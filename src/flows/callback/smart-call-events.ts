/**
 * The events a SmartCall sends, with the content fields of the dyvms callback doc. Offsets and times are what the
 * flow can know through CallSession: a barge-in began when it cut the prompt; any other utterance is taken to have
 * begun when the wait for it began (the port does not report speech onsets), and ended when the wait returned.
 * Offsets are ms since the answer; `*_time` fields are epoch ms written as text, as the doc's samples show.
 */
import { formatDateTime } from '../../core/local-time.js';
import type { SmartCallContentType, SmartCallContentValue, SmartCallEvent } from '../../ports/smart-call-hook.js';
import type { Playback } from './prompt-player.js';

/** What the callee said and when, on the engine clock. */
export interface Utterance {
  words: string;
  beganAt: number;
  endedAt: number;
}

/** The `dtmf_digits` value when the callee pressed nothing in time (the doc's spelling). */
export const NO_INPUT_TIMEOUT = 'noInputTimeout';

/** What every event of one call shares. */
export interface EventContext {
  callId: string;
  /** Clock time of the answer, epoch ms. */
  answeredAt: number;
  /** The callee's number, sent as `identity` (the doc types it Long: a phone number fits). */
  identity: string;
  /** Zone of `begin_time` (yyyy-MM-dd HH:mm:ss); Alibaba writes Beijing time. */
  timeZone: string;
  now: () => number;
}

type Content = Record<string, SmartCallContentValue>;

/** Builds the events of one call. */
export class EventFactory {
  constructor(private readonly ctx: EventContext) {}

  /**
   * `normal`: the callee said something. `playing` is the prompt that was playing when they began (cut and
   * awaiting the reply's verdict, or talked over); `last` is the prompt played last, for the play times.
   */
  normal(utterance: Utterance, playing: Playback | undefined, last: Playback | undefined): SmartCallEvent {
    const { answeredAt } = this.ctx;
    const content: Content = {
      role: 'B',
      identity: this.ctx.identity,
      words: utterance.words,
      begin_offset: String(Math.max(0, utterance.beganAt - answeredAt)),
      end_offset: String(Math.max(0, utterance.endedAt - answeredAt)),
      begin_time: formatDateTime(answeredAt, this.ctx.timeZone),
      is_playing: playing !== undefined,
      ...(playing ? { current_media_code: mediaCode(playing) } : {}),
      asr_begin_time: String(utterance.beganAt),
      asr_end_time: String(utterance.endedAt),
      ...playTimes(playing ?? last, playing !== undefined && playing.cut !== undefined),
    };
    return this.event('normal', content, utterance.endedAt);
  }

  /** `mute`: the callee stayed silent for mute_time. */
  mute(): SmartCallEvent {
    return this.event('mute', {}, this.ctx.now());
  }

  /** `dtmf`: keys pressed, or NO_INPUT_TIMEOUT when none came. */
  dtmf(digits: string): SmartCallEvent {
    return this.event('dtmf', { dtmf_digits: digits === '' ? NO_INPUT_TIMEOUT : digits }, this.ctx.now());
  }

  /** `timebreak`: the callee spoke long enough (action_code_time_break) to stop the prompt for good. */
  timebreak(stopped: Playback, speechBeganAt: number): SmartCallEvent {
    return this.event('timebreak', {
      current_media_code: mediaCode(stopped),
      asr_begin_time: String(speechBeganAt),
      play_begin_time: String(stopped.beganAt),
    }, this.ctx.now());
  }

  /** `parallel_transfer`: a parallel transfer or bridge failed; the robot keeps the call. */
  parallelTransferFailed(cause: string): SmartCallEvent {
    return this.event('parallel_transfer', { transfer_status: 'fail', fail_cause: cause, is_monitor: false }, this.ctx.now());
  }

  private event(contentType: SmartCallContentType, content: Content, at: number): SmartCallEvent {
    return { callId: this.ctx.callId, timestamp: at, contentType, content };
  }
}

/** The event with the dynamic_id in force, in its content and beside it. */
export function withDynamicId(event: SmartCallEvent, dynamicId: string | undefined): SmartCallEvent {
  if (dynamicId === undefined || dynamicId === '') return event;
  return { ...event, content: { ...event.content, dynamic_id: dynamicId }, dynamicId };
}

/** The code of the item that was playing: the cut one, else the last one of the prompt. */
function mediaCode(playback: Playback): string {
  const items = playback.prompt.items;
  return items[playback.cut?.index ?? items.length - 1]?.code ?? '';
}

/** play_begin_time / play_end_time of a prompt; the end is "0" while it is still playing (doc). */
function playTimes(playback: Playback | undefined, stillPlaying: boolean): Content {
  if (!playback) return {};
  return { play_begin_time: String(playback.beganAt), play_end_time: stillPlaying ? '0' : String(playback.endedAt) };
}
