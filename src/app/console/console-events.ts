/**
 * Live numbers for the console's Overview: `GET /console/api/events` is a Server-Sent Events stream that runs waihu
 * GetCallStatistics for the session every two seconds and sends each answer as `event: stats` (an error answer as
 * `event: failure`, with the same JSON body the action route would give). The stream checks the session on every
 * tick, so signing out (or the session expiring) ends it; it also ends when the browser goes away. EventSource cannot
 * send headers, so there is no CSRF token here: the stream only reads, and the cookie is SameSite=Strict. When the
 * server stops, every open stream ends at once (close()), so a console left open does not hold the shutdown back.
 */
import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ConsoleUsers } from '../../core/accounts/console-users.js';
import type { Gateway } from '../../gateway/gateway.js';
import { consoleIdentity, notSignedIn } from './console-api.js';
import { sessionToken } from './console-cookie.js';

/** How often a stream sends fresh numbers. */
export const EVENTS_INTERVAL_MS = 2000;

/** What the events route is built from. */
export interface ConsoleEventsDeps {
  consoleUsers: ConsoleUsers;
  gateway: Gateway;
  intervalMs?: number;
}

/** The window parameters the stream passes on; the action validates them like any other request. */
const FORWARDED = ['Minutes', 'BucketSeconds'] as const;

/**
 * Adds GET /console/api/events. Register it before addConsoleApi: that one ends with a catch-all 404 for the
 * /console/api paths it does not know.
 */
export function addConsoleEvents(http: Hono, deps: ConsoleEventsDeps): { close(): void } {
  const intervalMs = deps.intervalMs ?? EVENTS_INTERVAL_MS;
  const open = new Set<() => void>();
  let closing = false;
  http.get('/console/api/events', async (c: Context) => {
    const token = sessionToken(c);
    if (!(await deps.consoleUsers.resume(token))) return notSignedIn(c);
    const params: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = c.req.query(name);
      if (value !== undefined) params[name] = value;
    }
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      const end = () => wake?.();
      open.add(end);
      stream.onAbort(() => {
        open.delete(end);
        end();
      });
      // Tells a reconnecting EventSource to wait one interval rather than its default of about three seconds.
      let retry: number | undefined = intervalMs;
      for (let n = 1; !stream.aborted && !closing; n++) {
        const session = await deps.consoleUsers.resume(token);
        if (!session) {
          await stream.writeSSE({ event: 'signedout', data: '{"Code":"Console.NotSignedIn"}' });
          return;
        }
        const res = await deps.gateway.invoke(consoleIdentity(session), 'waihu', 'GetCallStatistics', params);
        if (stream.aborted || closing) return;
        await stream.writeSSE({ event: res.status === 200 ? 'stats' : 'failure', data: res.body, id: String(n), ...(retry !== undefined ? { retry } : {}) });
        retry = undefined;
        // A failure that no later tick can fix (bad parameters) ends the stream instead of repeating itself.
        if (res.status === 400) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    });
  });
  return {
    close() {
      closing = true;
      for (const end of open) end();
    },
  };
}
