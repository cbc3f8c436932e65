/**
 * Where each call this process placed stands right now, for dyvms GetCallInfo: a decorator of the carrier that
 * watches every dial go by (campaign calls and single calls share one carrier) and notes its phase in a map. The
 * phases are the doc's RTC call states: Calling (dialed, ringing), Talking (answered), Terminating (our side asked to
 * end it and it is finishing a prompt) and Idle (released). Ended calls are remembered for RELEASED_MEMORY_MS so a
 * poll right after the end still says Idle before the outcome reaches the store; after that the store answers.
 *
 * Process-local, like HangupOperate: a call placed by another waihu process is not on this board.
 */
import type { Clock } from '../../ports/clock.js';
import type { CallSession } from '../../ports/call-session.js';
import type { CallListener, CallOutcome, DialRequest, Telephony } from '../../ports/telephony.js';

/** The doc's call states (GetCallInfo Data.Status). */
export type CallPhase = 'Idle' | 'Calling' | 'Talking' | 'Terminating';

/** How long a released call stays on the board. */
export const RELEASED_MEMORY_MS = 60_000;

interface Entry {
  accountId: string;
  phase: CallPhase;
  releasedAt?: number;
}

/** Reads the board. */
export interface CallStateReader {
  /** The call's phase when this process placed it (and released it less than a minute ago), else undefined. */
  phaseOf(accountId: string, callId: string): CallPhase | undefined;
}

/** An account's calls on the board that are not released yet: dialed and ringing, or answered (talking or terminating). */
export interface LiveCallCounts {
  calling: number;
  talking: number;
}

/** The board; `track` wraps the carrier whose calls it follows. */
export class CallStateBoard implements CallStateReader {
  private readonly entries = new Map<string, Entry>();
  /** Unreleased calls per account, kept as the phases change so a count costs nothing however many calls are live. */
  private readonly live = new Map<string, LiveCallCounts>();
  /** Released calls in release order, so forgetting the old ones is a walk from the front. */
  private released: string[] = [];
  /** How many of `released` are already forgotten. */
  private releasedHead = 0;

  constructor(private readonly clock: Pick<Clock, 'now'>) {}

  /** The carrier with every dial noted on this board. */
  track(telephony: Telephony): Telephony {
    return { originate: (request, listener) => this.originate(telephony, request, listener) };
  }

  /** See CallStateReader. */
  phaseOf(accountId: string, callId: string): CallPhase | undefined {
    const entry = this.entries.get(callId);
    return entry && entry.accountId === accountId ? entry.phase : undefined;
  }

  /** The account's calls in progress in this process (the console's Overview). */
  liveCalls(accountId: string): LiveCallCounts {
    const counts = this.live.get(accountId);
    return counts ? { ...counts } : { calling: 0, talking: 0 };
  }

  /** Our side asked a live, answered call to end once its prompt is over (HangupOperate without ImmediateHangup). */
  terminating(callId: string): void {
    const entry = this.entries.get(callId);
    if (entry && entry.phase === 'Talking') entry.phase = 'Terminating';
  }

  private async originate(telephony: Telephony, request: DialRequest, listener: CallListener): Promise<void> {
    this.forgetOld();
    const entry: Entry = { accountId: request.accountId, phase: 'Calling' };
    this.entries.set(request.callId, entry);
    this.countsOf(request.accountId).calling++;
    const watched: CallListener = {
      ringing: (at) => listener.ringing(at),
      answered: (session: CallSession, at: number) => {
        if (entry.phase === 'Calling') {
          const counts = this.countsOf(entry.accountId);
          counts.calling--;
          counts.talking++;
        }
        entry.phase = 'Talking';
        return listener.answered(session, at);
      },
      ended: (outcome: CallOutcome) => {
        this.release(request.callId, entry);
        listener.ended(outcome);
      },
    };
    try {
      await telephony.originate(request, watched);
    } catch (error) {
      // Never placed: the carrier calls no listener method, so the board lets go of it here.
      this.release(request.callId, entry);
      throw error;
    }
  }

  private release(callId: string, entry: Entry): void {
    if (entry.releasedAt !== undefined) return;
    const counts = this.countsOf(entry.accountId);
    if (entry.phase === 'Calling') counts.calling--;
    else counts.talking--;
    if (counts.calling === 0 && counts.talking === 0) this.live.delete(entry.accountId);
    entry.phase = 'Idle';
    entry.releasedAt = this.clock.now();
    this.released.push(callId);
  }

  private countsOf(accountId: string): LiveCallCounts {
    let counts = this.live.get(accountId);
    if (!counts) this.live.set(accountId, (counts = { calling: 0, talking: 0 }));
    return counts;
  }

  private forgetOld(): void {
    const cutoff = this.clock.now() - RELEASED_MEMORY_MS;
    while (this.releasedHead < this.released.length) {
      const callId = this.released[this.releasedHead]!;
      const entry = this.entries.get(callId);
      if (entry?.releasedAt !== undefined && entry.releasedAt > cutoff) break;
      if (entry?.releasedAt !== undefined) this.entries.delete(callId);
      this.releasedHead++;
    }
    // Compacted only now and then: at hundreds of calls a second, copying the queue on every dial would dominate.
    if (this.releasedHead > 1024 && this.releasedHead * 2 > this.released.length) {
      this.released = this.released.slice(this.releasedHead);
      this.releasedHead = 0;
    }
  }
}
