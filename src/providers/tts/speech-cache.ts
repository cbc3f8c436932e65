/**
 * Synthesized prompts kept in memory: a campaign speaks the same few sentences thousands of times, and synthesis is
 * the slow part of starting playback. Keyed by everything that changes the audio (provider, voice, speed, volume,
 * text), bounded by total bytes with least-recently-used eviction, and concurrent requests for one key share one
 * synthesis, so a campaign's first wave of answered calls does not synthesize the greeting five hundred times.
 */
import type { SpeechSynthesizer, SynthesisOptions, Voice } from '../../ports/speech.js';
import { abortError } from './speech-audio.js';

/** How much the cache may hold. */
export interface SpeechCacheOptions {
  /** Total bytes of PCM kept; default 64 MiB (about 70 minutes of 8 kHz speech). */
  maxBytes?: number;
}

/** Counters, for logs and tests. */
export interface SpeechCacheStats {
  hits: number;
  misses: number;
  /** Requests that joined a synthesis already under way. */
  shared: number;
  evictions: number;
  entries: number;
  bytes: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** A synthesis under way, with the number of callers still waiting for it. */
interface InFlight {
  result: Promise<Int16Array>;
  waiters: number;
  controller: AbortController;
}

/**
 * A SpeechSynthesizer that remembers what it synthesized. The arrays it returns are shared between callers and must
 * be treated as read-only.
 */
export class CachedSpeechSynthesizer implements SpeechSynthesizer {
  readonly provider: string;
  private readonly maxBytes: number;
  /** Insertion order is recency order: a hit is deleted and re-inserted, so the first key is the least recent. */
  private readonly entries = new Map<string, Int16Array>();
  private readonly inFlight = new Map<string, InFlight>();
  private counters = { hits: 0, misses: 0, shared: 0, evictions: 0 };
  private bytes = 0;

  constructor(
    private readonly inner: SpeechSynthesizer,
    options: SpeechCacheOptions = {},
  ) {
    this.provider = inner.provider;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  voices(): readonly Voice[] {
    return this.inner.voices();
  }

  stats(): SpeechCacheStats {
    return { ...this.counters, entries: this.entries.size, bytes: this.bytes };
  }

  async synthesize(text: string, options: SynthesisOptions = {}): Promise<Int16Array> {
    const { signal } = options;
    if (signal?.aborted) throw abortError(signal);
    const key = this.keyOf(text, options);
    const cached = this.entries.get(key);
    if (cached) {
      this.counters.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    let flight = this.inFlight.get(key);
    if (flight) this.counters.shared++;
    else {
      this.counters.misses++;
      flight = this.start(key, text, options);
    }
    return this.await(flight, signal);
  }

  /** Starts one synthesis for everyone asking for `key`; it is aborted only when every waiter has gone. */
  private start(key: string, text: string, options: SynthesisOptions): InFlight {
    const controller = new AbortController();
    const { signal: _, ...rest } = options;
    const result = this.inner.synthesize(text, { ...rest, signal: controller.signal }).then(
      (pcm) => {
        this.inFlight.delete(key);
        this.store(key, pcm);
        return pcm;
      },
      (error: unknown) => {
        // Failures are not remembered: the next request tries again.
        this.inFlight.delete(key);
        throw error;
      },
    );
    // A synthesis everyone abandoned rejects with nobody listening; that is expected.
    result.catch(() => undefined);
    const flight: InFlight = { result, waiters: 0, controller };
    this.inFlight.set(key, flight);
    return flight;
  }

  /** Waits for a shared synthesis on behalf of one caller, who may abort without stopping it for the others. */
  private async await(flight: InFlight, signal: AbortSignal | undefined): Promise<Int16Array> {
    flight.waiters++;
    if (!signal) {
      try {
        return await flight.result;
      } finally {
        flight.waiters--;
      }
    }
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([flight.result, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort!);
      flight.waiters--;
      if (flight.waiters === 0 && signal.aborted) flight.controller.abort(abortError(signal));
    }
  }

  /** Keeps `pcm`, evicting the least recently used entries to stay within the byte bound. */
  private store(key: string, pcm: Int16Array): void {
    if (pcm.byteLength > this.maxBytes || this.entries.has(key)) return;
    this.entries.set(key, pcm);
    this.bytes += pcm.byteLength;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.byteLength;
      this.counters.evictions++;
    }
  }

  /** Everything that changes the audio; an absent voice, speed or volume is the same as its default. */
  private keyOf(text: string, options: SynthesisOptions): string {
    const voice = options.voice ?? this.inner.voices()[0]?.id ?? '';
    return JSON.stringify([this.inner.provider, voice, options.speed ?? 1, options.volume ?? 1, text]);
  }
}
