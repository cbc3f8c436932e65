/**
 * The console's JSON API under /console/api: sign-in sessions (cookie + CSRF token) and the actions of the four
 * products run for the session's account through the gateway (docs/console.md). Static files are served elsewhere.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SignInRefused, type ConsoleSignedIn, type ConsoleUsers } from '../../core/accounts/console-users.js';
import type { Gateway } from '../../gateway/gateway.js';
import { clientAddress, csrfMatches, sessionCookie, sessionToken } from './console-cookie.js';

/** What the console API is built from. */
export interface ConsoleApiDeps {
  consoleUsers: ConsoleUsers;
  gateway: Gateway;
  maxBodyBytes: number;
  onUnexpectedError?(err: unknown): void;
}

type JsonStatus = 400 | 401 | 403 | 404 | 413 | 429 | 500;

function fail(c: Context, status: JsonStatus, code: string, message: string, headers: Record<string, string> = {}): Response {
  return c.json({ Code: code, Message: message }, status, headers);
}

/** The 401 of a request without a live session. */
export const notSignedIn = (c: Context) => fail(c, 401, 'Console.NotSignedIn', 'Sign in first: there is no session, or it has expired or been signed out.');
const csrfRejected = (c: Context) => fail(c, 403, 'Console.CsrfRejected', 'The X-CSRF-Token header is missing or does not match this session.');

/** Who the gateway sees acting for a console session: its account, and the user in place of an AccessKeyId. */
export function consoleIdentity(signedIn: ConsoleSignedIn): { accountId: string; accessKeyId: string } {
  return { accountId: signedIn.user.accountId, accessKeyId: `console:${signedIn.user.name}` };
}

function sessionBody(signedIn: ConsoleSignedIn): Record<string, unknown> {
  const { user, session } = signedIn;
  return { user: { id: user.id, name: user.name, accountId: user.accountId }, csrfToken: session.csrfToken };
}

/** The body as a JSON object (empty body: no parameters), or the 400 response when it is not one. */
async function readJsonObject(c: Context): Promise<Record<string, unknown> | Response> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail(c, 400, 'InvalidParameter', 'The specified value of parameter "body" is not valid: the request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail(c, 400, 'InvalidParameter', 'The specified value of parameter "body" is not valid: a JSON request body must be an object of parameters');
  }
  return parsed as Record<string, unknown>;
}

/** Adds the /console/api routes to the HTTP app. */
export function addConsoleApi(http: Hono, deps: ConsoleApiDeps): void {
  const { consoleUsers, gateway } = deps;
  const signedIn = async (c: Context) => consoleUsers.resume(sessionToken(c));

  http.use('/console/api/*', bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: (c) => fail(c, 413, 'RequestEntityTooLarge', `The request body exceeds the limit of ${deps.maxBodyBytes} bytes.`),
  }));
  // Failures answer in the console's JSON shape, without touching how the rest of the HTTP app reports errors.
  const guarded = (handler: (c: Context) => Promise<Response>) => async (c: Context): Promise<Response> => {
    try {
      return await handler(c);
    } catch (err) {
      deps.onUnexpectedError?.(err);
      return fail(c, 500, 'InternalError', 'The request processing has failed due to some unknown error.');
    }
  };

  http.post('/console/api/session', guarded(async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    for (const field of ['name', 'password'] as const) {
      if (typeof body[field] !== 'string' || body[field] === '') {
        return fail(c, 400, 'InvalidParameter', `The specified value of parameter "${field}" is not valid: a non-empty string is required`);
      }
    }
    try {
      const result = await consoleUsers.signIn(body.name as string, body.password as string, clientAddress(c));
      const maxAge = Math.floor((result.session.expiresAt - result.session.createdAt) / 1000);
      return c.json(sessionBody(result), 200, { 'Set-Cookie': sessionCookie(c, result.token, maxAge), 'Cache-Control': 'no-store' });
    } catch (err) {
      if (!(err instanceof SignInRefused)) throw err;
      if (err.reason === 'Throttled') {
        return fail(c, 429, 'Throttling.Login', `Too many failed sign-ins; try again in ${err.retryAfterSeconds} seconds.`, { 'Retry-After': String(err.retryAfterSeconds) });
      }
      return fail(c, 401, 'Console.BadCredentials', 'The name or the password is wrong.');
    }
  }));

  http.get('/console/api/session', guarded(async (c) => {
    const session = await signedIn(c);
    if (!session) return notSignedIn(c);
    return c.json(sessionBody(session), 200, { 'Cache-Control': 'no-store' });
  }));

  http.delete('/console/api/session', guarded(async (c) => {
    const session = await signedIn(c);
    if (!session) return notSignedIn(c);
    if (!csrfMatches(c, session.session.csrfToken)) return csrfRejected(c);
    await consoleUsers.signOut(sessionToken(c));
    c.header('Set-Cookie', sessionCookie(c, '', 0));
    return c.body(null, 204);
  }));

  http.post('/console/api/actions/:product/:action', guarded(async (c) => {
    const session = await signedIn(c);
    if (!session) return notSignedIn(c);
    if (!csrfMatches(c, session.session.csrfToken)) return csrfRejected(c);
    const params = await readJsonObject(c);
    if (params instanceof Response) return params;
    const res = await gateway.invoke(consoleIdentity(session), c.req.param('product') ?? '', c.req.param('action') ?? '', params);
    return c.body(res.body, res.status as JsonStatus, res.headers);
  }));

  http.all('/console/api/*', (c) => fail(c, 404, 'InvalidApi.NotFound', `Nothing is served at ${c.req.method} ${c.req.path}.`));
}
