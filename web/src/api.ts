/**
 * The console's only way to the server: the session endpoints and `POST /console/api/actions/<product>/<Action>`,
 * which answers exactly what an SDK would get. No business logic lives here, only transport.
 */
import type { ActionParams, ActionResult, Product } from './actions';

const API = '/console/api';

/** Who is signed in, as `GET/POST /console/api/session` return it. */
export interface Session {
  user: { id: string; name: string; accountId: string };
  csrfToken: string;
}

/** An error answer in Alibaba's format (`Code`, `Message`), with the HTTP status and the retry hint of a 429. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | undefined;
  /** Seconds from `Retry-After` (throttled sign-in), when the server sent it. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, requestId?: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let csrfToken = '';
let onSignedOut: () => void = () => {};

/** Called when the server says the session is gone (401), so the app can go back to sign-in. */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

function retryAfter(res: Response): number | undefined {
  const value = res.headers.get('Retry-After');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const when = Date.parse(value);
  return Number.isNaN(when) ? undefined : Math.max(0, Math.ceil((when - Date.now()) / 1000));
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function field(body: unknown, name: string): string | undefined {
  if (body && typeof body === 'object' && name in body) {
    const value = (body as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** One request; throws ApiError for any non-2xx answer and for a network failure (status 0). */
async function send(method: string, path: string, body?: unknown, signOutOn401 = true): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(API + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'Console.NetworkError', err instanceof Error ? err.message : String(err));
  }
  const json = await readJson(res);
  if (res.ok) return json;
  const error = new ApiError(
    res.status,
    field(json, 'Code') ?? `HTTP.${res.status}`,
    field(json, 'Message') ?? res.statusText,
    field(json, 'RequestId'),
    retryAfter(res),
  );
  if (res.status === 401 && signOutOn401) {
    csrfToken = '';
    onSignedOut();
  }
  throw error;
}

/** Signs in; a wrong name or password is 401 Console.BadCredentials, too many tries 429 Throttling.Login. */
export async function signIn(name: string, password: string): Promise<Session> {
  const session = (await send('POST', '/session', { name, password }, false)) as Session;
  csrfToken = session.csrfToken;
  return session;
}

/** The current session, or null when nobody is signed in. */
export async function currentSession(): Promise<Session | null> {
  try {
    const session = (await send('GET', '/session', undefined, false)) as Session;
    csrfToken = session.csrfToken;
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** Ends the session on the server and forgets the token here. */
export async function signOut(): Promise<void> {
  try {
    await send('DELETE', '/session', undefined, false);
  } finally {
    csrfToken = '';
  }
}

/**
 * Runs one product action for the session's account: the same handler, validation and response as the RPC
 * endpoint. Known actions are typed in actions.ts; anything else is a plain JSON object.
 */
export async function callAction<P extends Product, A extends string>(
  product: P,
  action: A,
  params: ActionParams<P, A>,
): Promise<ActionResult<P, A>> {
  const path = `/actions/${encodeURIComponent(product)}/${encodeURIComponent(action)}`;
  return (await send('POST', path, params)) as ActionResult<P, A>;
}
