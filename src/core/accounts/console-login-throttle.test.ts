/** The console's sign-in throttle: per name, per address, a sliding 15-minute window, cleared by success. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../ports/clock.js';
import { LoginThrottle } from './console-login-throttle.js';

const MINUTE = 60_000;

test('five failures for a name refuse the sixth attempt until the first failure is 15 minutes old', () => {
  const clock = new ManualClock(1_000_000);
  const throttle = new LoginThrottle(clock);
  for (let i = 0; i < 5; i++) {
    assert.equal(throttle.retryAfterSeconds('alice', `10.0.0.${i}`), 0, `attempt ${i + 1} is allowed`);
    throttle.recordFailure('alice', `10.0.0.${i}`);
    clock.advance(MINUTE);
  }
  // The first failure was 5 minutes ago: 10 minutes to go.
  assert.equal(throttle.retryAfterSeconds('alice', '10.0.0.9'), 600);
  assert.equal(throttle.retryAfterSeconds('ALICE', '10.0.0.9'), 600, 'case variants share the count');
  assert.equal(throttle.retryAfterSeconds('bob', '10.0.0.9'), 0, 'other names are not affected');
  clock.advance(10 * MINUTE);
  assert.equal(throttle.retryAfterSeconds('alice', '10.0.0.9'), 0);
});

test('twenty failures from one address refuse it for any name', () => {
  const clock = new ManualClock(0);
  const throttle = new LoginThrottle(clock);
  for (let i = 0; i < 20; i++) throttle.recordFailure(`user${i}`, '192.0.2.7');
  assert.equal(throttle.retryAfterSeconds('someone-new', '192.0.2.7'), 900);
  assert.equal(throttle.retryAfterSeconds('someone-new', '192.0.2.8'), 0);
});

test("a success clears the name's failures but not the address's", () => {
  const clock = new ManualClock(0);
  const throttle = new LoginThrottle(clock, { perName: 2, perAddress: 3, windowMs: 15 * MINUTE });
  throttle.recordFailure('carol', '198.51.100.1');
  throttle.recordFailure('carol', '198.51.100.1');
  assert.ok(throttle.retryAfterSeconds('carol', '198.51.100.2') > 0);
  throttle.recordSuccess('carol');
  assert.equal(throttle.retryAfterSeconds('carol', '198.51.100.2'), 0);
  throttle.recordFailure('dave', '198.51.100.1');
  assert.ok(throttle.retryAfterSeconds('erin', '198.51.100.1') > 0, 'the address still counts all three failures');
});
