/**
 * The console's JSON API over a real listener: sign-in with the first-start `admin`, cookie flags, the throttle,
 * CSRF, actions run for the session's account only, and sign-out.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from '../support/conformance-server.js';
import { startServerWithAdmin, type ConsoleAdmin } from './console-kit.js';

let server: TestServer;
let admin: ConsoleAdmin;
before(async () => {
  ({ server, admin } = await startServerWithAdmin());
});
after(() => server.stop());

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(method: string, path: string, options: { cookie?: string; csrf?: string; body?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Signs in; the cookie pair to send back and the CSRF token. */
async function signIn(name: string, password: string): Promise<{ cookie: string; csrf: string; reply: Reply }> {
  const reply = await call('POST', '/console/api/session', { body: { name, password } });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  const setCookie = reply.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, csrf: reply.body.csrfToken as string, reply };
}

/** The `Data` of a waihu management action's answer. */
const data = (reply: Reply) => reply.body.Data as { List: { PhoneNumber: string }[] };

const action = (who: { cookie: string; csrf: string }, product: string, name: string, body: unknown = {}) =>
  call('POST', `/console/api/actions/${product}/${name}`, { cookie: who.cookie, csrf: who.csrf, body });

test('the first-start admin signs in: user, CSRF token and a strict HttpOnly cookie scoped to /console', async () => {
  const { reply } = await signIn(admin.name, admin.password);
  const user = reply.body.user as { id: string; name: string; accountId: string };
  assert.equal(user.name, 'admin');
  assert.equal(user.accountId, server.key.AccountId);
  assert.match(reply.body.csrfToken as string, /^[A-Za-z0-9_-]{40,}$/);
  const flags = (reply.headers.get('set-cookie') ?? '').split(';').map((f) => f.trim());
  assert.match(flags[0]!, /^waihu_console=[A-Za-z0-9_-]{40,}$/);
  for (const flag of ['HttpOnly', 'SameSite=Strict', 'Path=/console', 'Max-Age=43200']) assert.ok(flags.includes(flag), `${flag} in ${flags.join('; ')}`);
  assert.ok(!flags.includes('Secure'), 'plain http: no Secure flag');
});

test('a wrong password and an unknown name get the same 401', async () => {
  const wrong = await call('POST', '/console/api/session', { body: { name: admin.name, password: 'not the password' } });
  const unknown = await call('POST', '/console/api/session', { body: { name: 'no-such-user', password: 'whatever-123' } });
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.body.Code, 'Console.BadCredentials');
  assert.deepEqual(wrong.body, unknown.body);
  assert.equal(wrong.headers.get('set-cookie'), null);
});

test('after 5 failures for a name the 6th attempt is refused with 429 and Retry-After, even with the right password', async () => {
  await server.app.consoleUsers.create(server.key.AccountId, 'throttled', 'right-password');
  for (let i = 0; i < 5; i++) {
    assert.equal((await call('POST', '/console/api/session', { body: { name: 'throttled', password: `wrong-${i}-pass` } })).status, 401);
  }
  const refused = await call('POST', '/console/api/session', { body: { name: 'throttled', password: 'right-password' } });
  assert.equal(refused.status, 429);
  assert.equal(refused.body.Code, 'Throttling.Login');
  const retryAfter = Number(refused.headers.get('retry-after'));
  assert.ok(retryAfter > 800 && retryAfter <= 900, `Retry-After ${retryAfter}`);
});

test('GET session answers with the same CSRF token while signed in, 401 without a cookie', async () => {
  const me = await signIn(admin.name, admin.password);
  const again = await call('GET', '/console/api/session', { cookie: me.cookie });
  assert.equal(again.status, 200);
  assert.equal(again.body.csrfToken, me.csrf);
  assert.equal((again.body.user as { name: string }).name, 'admin');
  const anonymous = await call('GET', '/console/api/session');
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.Code, 'Console.NotSignedIn');
  const forged = await call('GET', '/console/api/session', { cookie: 'waihu_console=forged-token' });
  assert.equal(forged.status, 401);
});

test('actions need the CSRF token; with it they run the real handlers for the account', async () => {
  const me = await signIn(admin.name, admin.password);
  const noCsrf = await call('POST', '/console/api/actions/waihu/AddCallerNumber', { cookie: me.cookie, body: { PhoneNumber: '02150001111' } });
  assert.equal(noCsrf.status, 403);
  assert.equal(noCsrf.body.Code, 'Console.CsrfRejected');
  const badCsrf = await action({ cookie: me.cookie, csrf: `${me.csrf}x` }, 'waihu', 'AddCallerNumber', { PhoneNumber: '02150001111' });
  assert.equal(badCsrf.status, 403);
  const noSession = await call('POST', '/console/api/actions/waihu/ListCallerNumbers', { csrf: me.csrf, body: {} });
  assert.equal(noSession.status, 401);

  const added = await action(me, 'waihu', 'AddCallerNumber', { PhoneNumber: '02150001111' });
  assert.equal(added.status, 200, JSON.stringify(added.body));
  assert.equal(typeof added.body.RequestId, 'string');
  const listed = await action(me, 'waihu', 'ListCallerNumbers', { PageSize: 50 });
  assert.equal(listed.status, 200);
  assert.deepEqual(data(listed).List.map((n) => n.PhoneNumber), ['02150001111']);
});

test('nested JSON parameters reach aiccs the way a V3 SDK sends them', async () => {
  const me = await signIn(admin.name, admin.password);
  const created = await action(me, 'aiccs', 'CreateAiCallTask', {
    TaskName: 'console-task', StartType: 'IMMEDIATE', CallTime: ['{"startTime":"09:00:00","endTime":"18:00:00"}'], CallDay: ['MONDAY', 'FRIDAY'], TaskCps: 5,
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const page = await action(me, 'aiccs', 'QueryAiCallTaskPage', { TaskName: 'console-task' });
  assert.equal(page.status, 200);
  const list = (page.body.Data as { List: { TaskName: string }[] }).List;
  assert.deepEqual(list.map((t) => t.TaskName), ['console-task']);
});

test('a bad parameter answers 400 in Alibaba format naming it; an unknown action 404', async () => {
  const me = await signIn(admin.name, admin.password);
  const bad = await action(me, 'waihu', 'ListCallerNumbers', { PageSize: 1000 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.Code, 'InvalidParameter');
  assert.match(bad.body.Message as string, /PageSize/);
  assert.equal(typeof bad.body.RequestId, 'string');
  const missing = await action(me, 'waihu', 'AddCallerNumber', {});
  assert.equal(missing.status, 400);
  assert.equal(missing.body.Code, 'MissingPhoneNumber');
  const unknown = await action(me, 'aiccs', 'NoSuchAction');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.Code, 'InvalidApi.NotFound');
  const unknownProduct = await action(me, 'ecs', 'DescribeInstances');
  assert.equal(unknownProduct.status, 404);
  assert.equal(unknownProduct.body.Code, 'InvalidApi.NotFound');
});

test("another account's console user sees only its own account's data", async () => {
  const me = await signIn(admin.name, admin.password);
  assert.equal((await action(me, 'waihu', 'AddCallerNumber', { PhoneNumber: '02150002222' })).status, 200);
  const other = await server.app.accessKeys.createAccount('other tenant');
  await server.app.consoleUsers.create(other.id, 'other-admin', 'other-password');
  const them = await signIn('other-admin', 'other-password');
  assert.equal((them.reply.body.user as { accountId: string }).accountId, other.id);
  const theirs = await action(them, 'waihu', 'ListCallerNumbers');
  assert.equal(theirs.status, 200);
  assert.deepEqual(data(theirs).List, []);
  const theirTasks = await action(them, 'aiccs', 'QueryAiCallTaskPage', {});
  assert.deepEqual((theirTasks.body.Data as { List: unknown[] }).List, []);
  assert.equal((await action(them, 'waihu', 'RemoveCallerNumber', { PhoneNumber: '02150002222' })).status, 404);
  const mine = await action(me, 'waihu', 'ListCallerNumbers', { PageSize: 50 });
  assert.ok(data(mine).List.some((n) => n.PhoneNumber === '02150002222'), 'still there for its owner');
});

test('sign-out needs the CSRF token, clears the cookie and ends the session server side', async () => {
  const me = await signIn(admin.name, admin.password);
  assert.equal((await call('DELETE', '/console/api/session', { cookie: me.cookie })).status, 403);
  const out = await call('DELETE', '/console/api/session', { cookie: me.cookie, csrf: me.csrf });
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie') ?? '', /^waihu_console=;.*Max-Age=0/);
  // The browser would drop the cookie; a copy of it kept elsewhere must no longer work either.
  assert.equal((await call('GET', '/console/api/session', { cookie: me.cookie })).status, 401);
  assert.equal((await action(me, 'waihu', 'ListCallerNumbers')).status, 401);
});

test('a session cookie behind an https proxy is marked Secure', async () => {
  const res = await fetch(`${server.url}/console/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ name: admin.name, password: admin.password }),
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('set-cookie') ?? '', /; Secure/);
});
