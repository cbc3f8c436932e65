/** Console users and sessions over a real (in-memory) store. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../ports/clock.js';
import { openStore } from '../../store/open-store.js';
import { DomainError } from '../errors.js';
import { IdGenerator } from '../ids.js';
import { LoginThrottle } from './console-login-throttle.js';
import { ConsoleUsers, hashSessionToken, SESSION_TTL_MS, SignInRefused, type PasswordHasher } from './console-users.js';

async function setup(hasher?: PasswordHasher) {
  const store = await openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  const clock = new ManualClock(1_700_000_000_000);
  await store.insertAccount({ id: 'acc-1', name: 'one', createdAt: clock.now() });
  const users = new ConsoleUsers(store, new IdGenerator(clock), clock, new LoginThrottle(clock), hasher);
  return { store, clock, users };
}

// Cheap stand-in for scrypt that counts verifications: the point is *whether* a check runs, not its cost.
function countingHasher(): PasswordHasher & { verifications: number } {
  const hasher = {
    verifications: 0,
    hash: (password: string) => Promise.resolve(`plain$${password}`),
    verify: (password: string, stored: string) => {
      hasher.verifications += 1;
      return Promise.resolve(stored === `plain$${password}`);
    },
  };
  return hasher;
}

test('an unknown name costs a password check like a wrong password does, and gets the same refusal', async () => {
  const hasher = countingHasher();
  const { store, users } = await setup(hasher);
  try {
    await users.create('acc-1', 'alice', 'alice-password');
    const refusal = async (name: string) => {
      const before = hasher.verifications;
      const err = await users.signIn(name, 'not-the-password', '127.0.0.1').then(() => undefined, (e: unknown) => e);
      return { err, checks: hasher.verifications - before };
    };
    const unknown = await refusal('nobody');
    const wrong = await refusal('alice');
    assert.ok(unknown.err instanceof SignInRefused && wrong.err instanceof SignInRefused);
    assert.equal(unknown.err.reason, 'BadCredentials');
    assert.equal(unknown.err.message, wrong.err.message);
    assert.equal(unknown.checks, 1);
    assert.equal(wrong.checks, 1);
  } finally {
    await store.close();
  }
});

test('sign-in stores only the hash of the token; the session lasts 12 hours; sign-out ends it', async () => {
  const { store, clock, users } = await setup();
  try {
    await users.create('acc-1', 'bob', 'bob-password');
    const { token, session, user } = await users.signIn('bob', 'bob-password', '127.0.0.1');
    assert.equal(user.accountId, 'acc-1');
    assert.equal(session.tokenHash, hashSessionToken(token));
    assert.notEqual(session.tokenHash, token);
    assert.equal(await store.getConsoleSession(token), undefined, 'the plain token is not a key');
    assert.equal((await users.resume(token))?.user.name, 'bob');
    clock.advance(SESSION_TTL_MS - 1);
    assert.ok(await users.resume(token));
    clock.advance(1);
    assert.equal(await users.resume(token), undefined, 'expired after 12 hours');

    const second = await users.signIn('bob', 'bob-password', '127.0.0.1');
    await users.signOut(second.token);
    assert.equal(await users.resume(second.token), undefined);
  } finally {
    await store.close();
  }
});

test('names are unique across accounts; a short password names the field', async () => {
  const { store, clock, users } = await setup();
  try {
    await store.insertAccount({ id: 'acc-2', name: 'two', createdAt: clock.now() });
    await users.create('acc-1', 'carol', 'carol-password');
    await assert.rejects(users.create('acc-2', 'carol', 'other-password'), (e: unknown) => e instanceof DomainError && e.code === 'AlreadyExists' && e.param === 'Name');
    await assert.rejects(users.create('acc-2', 'dave', 'short'), (e: unknown) => e instanceof DomainError && e.param === 'Password');
    await assert.rejects(users.create('acc-2', 'has space', 'long-enough'), (e: unknown) => e instanceof DomainError && e.param === 'Name');
    await assert.rejects(users.create('acc-9', 'erin', 'long-enough'), (e: unknown) => e instanceof DomainError && e.code === 'NotFound');
    assert.deepEqual((await users.list('acc-2')).map((u) => u.name), []);
    assert.deepEqual((await users.list()).map((u) => u.name), ['carol']);
  } finally {
    await store.close();
  }
});
