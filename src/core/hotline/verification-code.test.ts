import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../accounts/secret-box.js';
import { ManualClock } from '../../ports/clock.js';
import { VerificationDeliveryError, type VerificationMessage } from '../../ports/hotline-code-sender.js';
import type { Store } from '../../ports/store.js';
import { openStore } from '../../store/open-store.js';
import { HotlineError } from './hotline-errors.js';
import { HotlineSealing } from './hotline-sealing.js';
import { HotlineVerification } from './hotline-verification.js';
import { checkCode, CODE_TTL_MS, hashCode, MAX_FAILED_ATTEMPTS, newCode, RESEND_INTERVAL_MS } from './verification-code.js';

const T0 = 1_732_000_000_000;
const MOBILE = '13912345678';

test('codes are 6 digits, zero-padded, from the whole range', () => {
  assert.equal(newCode({ int: () => 42, bytes: (n) => Buffer.alloc(n) }), '000042');
  assert.equal(newCode({ int: (max) => max - 1, bytes: (n) => Buffer.alloc(n) }), '999999');
  const seen = new Set(Array.from({ length: 200 }, () => newCode()));
  assert.ok([...seen].every((c) => /^\d{6}$/.test(c)));
  assert.ok(seen.size > 150, 'random codes rarely repeat');
});

test('a stored code is its salted hash: the same code under another salt hashes differently', () => {
  assert.notEqual(hashCode('123456', 'a'), hashCode('123456', 'b'));
  assert.doesNotMatch(hashCode('123456', 'a'), /123456/);
});

test('checkCode: missing, undelivered, expired, exhausted, mismatch, ok', () => {
  const salt = 's';
  const record = { accountId: 'a', targetDigest: 'd',  bizType: 'CONTACT', salt, codeHash: hashCode('424242', salt), sentAt: T0, expiresAt: T0 + CODE_TTL_MS, failedAttempts: 0, delivered: true };
  assert.equal(checkCode(undefined, '424242', T0), 'missing');
  assert.equal(checkCode({ ...record, delivered: false }, '424242', T0), 'missing');
  assert.equal(checkCode(record, '424242', T0 + CODE_TTL_MS), 'expired');
  assert.equal(checkCode({ ...record, failedAttempts: MAX_FAILED_ATTEMPTS }, '424242', T0), 'exhausted');
  assert.equal(checkCode(record, '424243', T0), 'mismatch');
  assert.equal(checkCode(record, ' 424242 ', T0 + CODE_TTL_MS - 1), 'ok');
});

let store: Store;
let sealing: HotlineSealing;
before(async () => {
  store = await openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  await store.insertAccount({ id: 'acc', name: 'acc', createdAt: T0 });
  sealing = new HotlineSealing(new SecretBox(randomBytes(32)), store);
});

/** The code the store holds for a mobile, looked up the way the verifier does: by the number's digest. */
async function storedCode(target: string) {
  return store.getVerificationCode('acc', await sealing.digest(target), 'CONTACT');
}
after(() => store.close());

/** A verifier on a manual clock whose sender records messages, or fails while `failing` is set. */
function verifier() {
  const clock = new ManualClock(T0);
  const sent: VerificationMessage[] = [];
  const state = { failing: false };
  const sender = {
    send: async (m: VerificationMessage) => {
      if (state.failing) throw new VerificationDeliveryError('the delivery webhook answered HTTP 503');
      sent.push(m);
    },
  };
  return { clock, sent, state, verification: new HotlineVerification({ store, clock, sender, sealing }) };
}

const request = (target: string) => ({ target, verifyType: 'SMS', bizType: 'CONTACT' });

/** Asserts the promise rejects with that HotlineError code. */
async function refusedWith(promise: Promise<unknown>, code: HotlineError['code']): Promise<HotlineError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof HotlineError, `expected HotlineError ${code}, got ${String(error)}`);
  assert.equal(error.code, code);
  return error;
}

test('a delivered code verifies once; the store holds neither the code nor the mobile in clear', async () => {
  const { sent, verification } = verifier();
  await verification.send('acc', request(MOBILE));
  assert.equal(sent.length, 1);
  const code = sent[0]!.code;
  const stored = await storedCode(MOBILE);
  assert.ok(stored && !JSON.stringify(stored).includes(code));
  assert.doesNotMatch(JSON.stringify(stored), new RegExp(MOBILE));
  assert.equal(await store.getVerificationCode('acc', MOBILE, 'CONTACT'), undefined, 'the clear number finds nothing');
  await verification.verify('acc', MOBILE, code, 'OperatorMobileVerifyCode');
  const again = await refusedWith(verification.verify('acc', MOBILE, code, 'OperatorMobileVerifyCode'), 'VerifyCodeInvalid');
  assert.equal(again.param, 'OperatorMobileVerifyCode');
});

test('a second code within a minute is refused; after the minute it replaces the first', async () => {
  const { clock, sent, verification } = verifier();
  const target = '13912340001';
  await verification.send('acc', request(target));
  clock.advance(RESEND_INTERVAL_MS - 1);
  await refusedWith(verification.send('acc', request(target)), 'ResendTooSoon');
  clock.advance(1);
  await verification.send('acc', request(target));
  assert.equal(sent.length, 2);
  if (sent[0]!.code !== sent[1]!.code) await refusedWith(verification.verify('acc', target, sent[0]!.code, 'c'), 'VerifyCodeInvalid');
  await verification.verify('acc', target, sent[1]!.code, 'c');
});

test('a failed delivery leaves no usable code and does not hold the resend limit', async () => {
  const { sent, state, verification } = verifier();
  const target = '13912340002';
  state.failing = true;
  const error = await refusedWith(verification.send('acc', request(target)), 'DeliveryFailed');
  assert.match(error.message, /HTTP 503/);
  assert.equal(await storedCode(target), undefined);
  state.failing = false;
  await verification.send('acc', request(target));
  assert.equal(sent.length, 1);
});

test('five wrong guesses kill the code, even for the right one afterwards; expiry does too', async () => {
  const { clock, sent, verification } = verifier();
  const target = '13912340003';
  await verification.send('acc', request(target));
  const code = sent[0]!.code;
  const wrong = code === '000000' ? '000001' : '000000';
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await refusedWith(verification.verify('acc', target, wrong, 'c'), 'VerifyCodeInvalid');
  const dead = await refusedWith(verification.verify('acc', target, code, 'c'), 'VerifyCodeInvalid');
  assert.match(dead.message, /no longer works/);

  clock.advance(RESEND_INTERVAL_MS);
  await verification.send('acc', request(target));
  clock.advance(CODE_TTL_MS);
  const expired = await refusedWith(verification.verify('acc', target, sent[1]!.code, 'c'), 'VerifyCodeInvalid');
  assert.match(expired.message, /expired/);
});

test('a target that is not a mainland mobile is refused before anything is sent', async () => {
  const { sent, verification } = verifier();
  const error = await refusedWith(verification.send('acc', request('0571888')), 'MobileInvalid');
  assert.equal(error.param, 'Target');
  assert.equal(sent.length, 0);
});
