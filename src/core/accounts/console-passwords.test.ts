/** Console password hashing: scrypt with a salt, a verify that only says yes to the right password. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { hashPassword, verifyPassword } from './console-passwords.js';

test('a hash verifies its own password and no other', async () => {
  const stored = await hashPassword('correct horse battery');
  assert.equal(await verifyPassword('correct horse battery', stored), true);
  assert.equal(await verifyPassword('correct horse batterY', stored), false);
  assert.equal(await verifyPassword('', stored), false);
});

test('the stored form is scrypt$N$r$p$salt$hash and never contains the password', async () => {
  const password = 'plain-text-secret-42';
  const stored = await hashPassword(password);
  const parts = stored.split('$');
  assert.deepEqual(parts.slice(0, 4), ['scrypt', '32768', '8', '1']);
  assert.equal(Buffer.from(parts[4]!, 'base64').length, 16, 'a 16-byte salt');
  assert.ok(!stored.includes(password));
  assert.ok(!Buffer.from(parts[5]!, 'base64').includes(Buffer.from(password)));
});

test('the same password hashes differently each time (random salt), and both verify', async () => {
  const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('same password', a), true);
  assert.equal(await verifyPassword('same password', b), true);
});

test('a password under 8 characters is refused naming the field', async () => {
  await assert.rejects(hashPassword('short7!'), (err: unknown) => err instanceof DomainError && err.code === 'InvalidArgument' && err.param === 'Password');
});

test('a tampered or foreign stored value never verifies, and does not throw', async () => {
  const stored = await hashPassword('a good password');
  const parts = stored.split('$');
  const key = Buffer.from(parts[5]!, 'base64');
  key[0]! ^= 1;
  const flipped = [...parts.slice(0, 5), key.toString('base64')].join('$');
  assert.equal(await verifyPassword('a good password', flipped), false);
  const truncated = [...parts.slice(0, 5), key.subarray(0, 16).toString('base64')].join('$');
  assert.equal(await verifyPassword('a good password', truncated), false);
  assert.equal(await verifyPassword('a good password', 'a good password'), false);
  assert.equal(await verifyPassword('a good password', 'scrypt$1073741824$8$1$AAAA$AAAA'), false, 'an absurd cost is refused, not run');
});
