/**
 * One POST to an OpenAI-compatible audio endpoint (`/audio/speech`, `/audio/transcriptions`), shared by the speech
 * and transcription adapters: a deadline on the whole exchange, the caller's abort, a cap on the answer's size, and
 * every failure turned into a SpeechError whose message says what to fix (key, model, endpoint, service).
 */
import { SpeechError } from '../../ports/speech.js';
import { abortError } from './speech-audio.js';

/** What one exchange may take. */
export interface SpeechPostLimits {
  /** Longest the whole exchange, answer body included, may take. */
  timeoutMs: number;
  /** Largest answer body accepted, in bytes. */
  maxBytes: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** The answer of a successful exchange. */
export interface SpeechAnswer {
  bytes: Uint8Array;
  contentType: string;
}

/** The API root without trailing slashes; credentials in it would leak into error messages, so they are refused. */
export function speechApiRoot(baseUrl: string, what: string): string {
  const url = new URL(baseUrl);
  if (url.username || url.password) throw new Error(`the ${what} base URL must not carry a user name or password; pass the key as apiKey`);
  return baseUrl.replace(/\/+$/, '');
}

/** The error message an OpenAI-style body carries ({"error":{"message"}} or {"message"} or {"detail"}), else its text. */
function bodyDetail(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const inner = typeof parsed.error === 'object' ? parsed.error?.message : parsed.error;
    for (const candidate of [inner, parsed.message, parsed.detail]) if (typeof candidate === 'string' && candidate) return candidate.slice(0, 300);
  } catch {
    // not JSON: the raw text below
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** What an HTTP error status means for someone configuring the adapter. */
function statusMeaning(status: number): string {
  if (status === 401 || status === 403) return 'the API key was refused; check apiKey';
  if (status === 404) return 'no such endpoint or model; check baseUrl and model';
  if (status === 413) return 'the request is too large for the service';
  if (status === 429) return 'rate limited or out of quota; try again later';
  if (status >= 500) return 'the service failed';
  return 'the request was refused';
}

/** Reads the body up to `maxBytes`; past it the exchange is cut. */
async function readCapped(response: Response, endpoint: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) throw new SpeechError(`${endpoint}: the answer is larger than ${maxBytes} bytes`, 'too-large');
      parts.push(value);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(parts);
}

/** POSTs `body` and returns the answer; see the module comment for the failures. */
export async function speechPost(endpoint: string, headers: Record<string, string>, body: string | FormData, limits: SpeechPostLimits): Promise<SpeechAnswer> {
  const { signal } = limits;
  if (signal?.aborted) throw abortError(signal);
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, limits.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
  const doFetch = limits.fetch ?? globalThis.fetch;
  try {
    const response = await doFetch(endpoint, { method: 'POST', headers, body, signal: combined });
    if (!response.ok) {
      // The error body is a courtesy: when it cannot be read, the status alone still says what happened.
      const text = await readCapped(response, endpoint, 64 * 1024).then((b) => Buffer.from(b).toString('utf8'), () => '');
      const detail = bodyDetail(text) || response.statusText;
      throw new SpeechError(`${endpoint} answered HTTP ${response.status}: ${statusMeaning(response.status)}${detail ? ` (${detail})` : ''}`, 'http', response.status);
    }
    const bytes = await readCapped(response, endpoint, limits.maxBytes);
    return { bytes, contentType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    if (timedOut) throw new SpeechError(`${endpoint}: no complete answer within ${limits.timeoutMs} ms`, 'timeout');
    if (error instanceof SpeechError) throw error;
    // fetch reports refused connections, resets and cut bodies as TypeError.
    if (error instanceof TypeError) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new SpeechError(`${endpoint}: ${cause?.code ?? cause?.message ?? error.message}`, 'network');
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
