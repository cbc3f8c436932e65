// Console users through the official V3 client against a real server: create, list, disable (sign-in is then refused
// and live sessions end), enable, delete; another account's users are unknown; bad input and acting on oneself from
// the console answer their codes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FirstStartCredentials } from '../../src/app/app.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { defaultTenant, otherTenant, type Tenant } from './aiccs-kit.js';
import { refused, waihu, waihuData } from './waihu-kit.js';

const V3 = 'openapi-core V3';

describe('console users', () => {
  let server: TestServer;
  let t: Tenant;

  before(async () => {
    server = await startTestServer();
    t = defaultTenant(server);
  });
  after(() => server?.stop());

  /** POST /console/api/session; the status and, on success, the cookie and CSRF token. */
  async function signIn(name: string, password: string) {
    const res = await fetch(`${server.url}/console/api/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }),
    });
    const body = (await res.json()) as { csrfToken?: string; Code?: string };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { status: res.status, code: body.Code, cookie, csrf: body.csrfToken ?? '' };
  }

  /** A console action as the signed-in browser sends it. */
  async function consoleAction(session: { cookie: string; csrf: string }, action: string, params: Record<string, unknown>) {
    const res = await fetch(`${server.url}/console/api/actions/waihu/${action}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf }, body: JSON.stringify(params),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const listed = async (tenant: Tenant) => (await waihuData(V3, tenant, 'ListConsoleUsers')) as { Users: Record<string, unknown>[] };

  test('a created user is listed, signs in, and then shows when it last did', async () => {
    const user = await waihu(V3, t, 'CreateConsoleUser', { Name: 'carol', Password: 'carol-password' });
    assert.equal(user.Name, 'carol');
    assert.equal(user.Disabled, false);
    assert.equal(typeof user.CreateTime, 'number');
    assert.equal('Password' in user, false);
    const before = (await listed(t)).Users.find((u) => u.Id === user.Id);
    assert.deepEqual(before && { Name: before.Name, Disabled: before.Disabled, last: before.LastSignInTime }, { Name: 'carol', Disabled: false, last: undefined });
    assert.deepEqual((await listed(t)).Users.map((u) => u.Name), ['admin', 'carol']);

    const session = await signIn('carol', 'carol-password');
    assert.equal(session.status, 200);
    const after = (await listed(t)).Users.find((u) => u.Id === user.Id);
    assert.equal(typeof after?.LastSignInTime, 'number');
  });

  test('disabling refuses sign-in and ends live sessions; enabling lets the user back in', async () => {
    const user = await waihu(V3, t, 'CreateConsoleUser', { Name: 'dave', Password: 'dave-password' });
    const live = await signIn('dave', 'dave-password');
    assert.equal((await consoleAction(live, 'ListConsoleUsers', {})).status, 200);

    const disabled = await waihu(V3, t, 'DisableConsoleUser', { UserId: user.Id });
    assert.equal(disabled.Disabled, true);
    assert.equal((await listed(t)).Users.find((u) => u.Id === user.Id)?.Disabled, true);
    assert.equal((await consoleAction(live, 'ListConsoleUsers', {})).status, 401, 'the open session ended');
    const refusedSignIn = await signIn('dave', 'dave-password');
    assert.deepEqual([refusedSignIn.status, refusedSignIn.code], [401, 'Console.BadCredentials']);

    assert.equal((await waihu(V3, t, 'EnableConsoleUser', { UserId: user.Id })).Disabled, false);
    assert.equal((await signIn('dave', 'dave-password')).status, 200);
  });

  test('a deleted user is gone: not listed, cannot sign in, and its name is free again', async () => {
    const user = await waihu(V3, t, 'CreateConsoleUser', { Name: 'erin', Password: 'erin-password' });
    const live = await signIn('erin', 'erin-password');
    assert.deepEqual(await waihu(V3, t, 'DeleteConsoleUser', { UserId: user.Id }), { Id: user.Id });
    assert.equal((await listed(t)).Users.some((u) => u.Id === user.Id), false);
    assert.equal((await consoleAction(live, 'ListConsoleUsers', {})).status, 401);
    assert.equal((await signIn('erin', 'erin-password')).status, 401);
    await refused(V3, t, 'DeleteConsoleUser', { UserId: user.Id }, 'InvalidUserId.NotFound', 404);
    assert.equal((await waihu(V3, t, 'CreateConsoleUser', { Name: 'erin', Password: 'another-password' })).Name, 'erin');
  });

  test("another account neither sees nor touches this account's users", async () => {
    const other = await otherTenant(server, 'console-users-other');
    const mine = await waihu(V3, t, 'CreateConsoleUser', { Name: 'frank', Password: 'frank-password' });
    assert.deepEqual((await listed(other)).Users, []);
    for (const action of ['DisableConsoleUser', 'EnableConsoleUser', 'DeleteConsoleUser']) {
      await refused(V3, other, action, { UserId: mine.Id }, 'InvalidUserId.NotFound', 404);
    }
    assert.equal((await listed(t)).Users.find((u) => u.Id === mine.Id)?.Disabled, false);
    // Names are unique on the whole platform, so the other account is told the name is taken.
    await refused(V3, other, 'CreateConsoleUser', { Name: 'frank', Password: 'frank-password' }, 'Name.AlreadyExists', 400);
  });

  test('bad names, short passwords and unknown ids are refused naming the parameter', async () => {
    await refused(V3, t, 'CreateConsoleUser', { Name: 'gina', Password: 'short' }, 'InvalidParameter', 400, /Password/);
    await refused(V3, t, 'CreateConsoleUser', { Name: 'has space', Password: 'long-enough' }, 'InvalidParameter', 400, /Name/);
    await refused(V3, t, 'CreateConsoleUser', { Name: 'gina' }, 'MissingPassword', 400);
    await refused(V3, t, 'DisableConsoleUser', { UserId: 'no-such-user' }, 'InvalidUserId.NotFound', 404);
    assert.equal((await listed(t)).Users.some((u) => u.Name === 'gina'), false);
  });

  test('from the console a user cannot disable or delete themselves, but can act on others', async () => {
    const key = server.key as FirstStartCredentials;
    const admin = await signIn(key.ConsoleUser, key.ConsolePassword);
    const adminId = (await listed(t)).Users.find((u) => u.Name === key.ConsoleUser)?.Id;
    for (const action of ['DisableConsoleUser', 'DeleteConsoleUser']) {
      const res = await consoleAction(admin, action, { UserId: adminId });
      assert.equal(res.status, 400);
      assert.equal(res.body.Code, 'IncorrectStatus');
      assert.match(String(res.body.Message), /signed in as/);
    }
    assert.equal((await consoleAction(admin, 'ListConsoleUsers', {})).status, 200, 'admin is still signed in');
    const hank = await consoleAction(admin, 'CreateConsoleUser', { Name: 'hank', Password: 'hank-password' });
    const hankId = (hank.body.Data as Record<string, unknown>).Id;
    assert.equal((await consoleAction(admin, 'DisableConsoleUser', { UserId: hankId })).status, 200);
    assert.equal((await consoleAction(admin, 'DeleteConsoleUser', { UserId: hankId })).status, 200);
  });
});
