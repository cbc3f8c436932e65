/** The 400-number registry half of the Store contract: qualifications, registrations and review, transfer pools, codes. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../src/core/accounts/secret-box.js';
import type { RegistrationRecord, VerificationCodeRecord } from '../../src/core/hotline/hotline-records.js';
import { HotlineSealing } from '../../src/core/hotline/hotline-sealing.js';
import { hotlineSealingContract } from './store-contract-hotline-sealing.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const PAGE = { pageNo: 1, pageSize: 10 };
const ID = '11010519491231002X';

/** A pending registration of account hl-a's 400 number under qualification q1. */
function registration(id: string, numbers: string[], createdAt: number, extra: Partial<RegistrationRecord> = {}): RegistrationRecord {
  return {
    id, accountId: 'hl-a', qualificationId: 'q1', hotlineNumber: '4001234567', operatorName: '经办', operatorMail: 'a@b.cn', operatorMobile: '13900000001',
    operatorIdentityCard: ID, agreement: 'true', numbers: numbers.map((n) => ({ phoneNumber: n, ownerName: `owner ${n}`, identityCard: ID })),
    status: 'PENDING', rejectReason: null, reviewedAt: null, createdAt, ...extra,
  };
}

/** A delivered-or-not code of hl-a for a number. */
function code(targetDigest: string, sentAt: number, extra: Partial<VerificationCodeRecord> = {}): VerificationCodeRecord {
  return { accountId: 'hl-a', targetDigest, bizType: 'CONTACT', salt: 's', codeHash: `h${sentAt}`, sentAt, expiresAt: sentAt + 300_000, failedAttempts: 0, delivered: false, ...extra };
}

/** Registers the hotline tests for one adapter. */
export function hotlineContract(openFreshStore: FreshStoreFactory): void {
  describe('400-number registry', () => {
    const store = useMigratedStore(openFreshStore);
    // The store is handed sealed rows and digests, as the registry hands them; these tests open what comes back.
    let sealing: HotlineSealing;
    const digest = (n: string) => sealing.digest(n);
    before(async () => {
      for (const id of ['hl-a', 'hl-b']) await store().insertAccount(account(id));
      sealing = new HotlineSealing(new SecretBox(randomBytes(32)), store());
    });

    test('qualifications: one per ticket, found by id or ticket only in their account, status settable', async () => {
      const q = { accountId: 'hl-a', qualificationId: 'q1', orderId: 'o1', corpName: '公司', status: 'NORMAL' as const, createdAt: T0 };
      assert.equal(await store().insertHotlineQualification(q), true);
      assert.equal(await store().insertHotlineQualification({ ...q, qualificationId: 'q2' }), false, 'the ticket already has one');
      assert.equal(await store().insertHotlineQualification({ ...q, accountId: 'hl-b' }), true, 'tickets are per account');
      assert.deepEqual(await store().getHotlineQualification('hl-a', 'q1'), q);
      assert.deepEqual(await store().getHotlineQualificationByOrder('hl-a', 'o1'), q);
      assert.equal(typeof (await store().getHotlineQualification('hl-a', 'q1'))?.createdAt, 'number');
      assert.equal(await store().getHotlineQualification('hl-a', 'q2'), undefined);
      assert.equal(await store().setHotlineQualificationStatus('hl-a', 'q1', 'OTHER'), true);
      assert.equal((await store().getHotlineQualification('hl-a', 'q1'))?.status, 'OTHER');
      assert.equal((await store().getHotlineQualification('hl-b', 'q1'))?.status, 'NORMAL', 'the other account is untouched');
      assert.equal(await store().setHotlineQualificationStatus('hl-a', 'nope', 'NORMAL'), false);
      await store().setHotlineQualificationStatus('hl-a', 'q1', 'NORMAL');
    });

    test('registrations read back with their numbers in order, page newest first and filter', async () => {
      const first = registration('1001', ['13800000001', '057100000001'], T0 + 1);
      const second = registration('1002', ['13800000002'], T0 + 2, { hotlineNumber: '4007654321' });
      const sealedFirst = await sealing.sealRegistration(first);
      await store().insertHotlineRegistration(sealedFirst);
      await store().insertHotlineRegistration(await sealing.sealRegistration(second));
      const read = await store().getHotlineRegistration('hl-a', '1001');
      assert.deepEqual(read, sealedFirst, 'sealed fields come back byte for byte');
      assert.deepEqual(sealing.openRegistration(read!), first);
      assert.equal(await store().getHotlineRegistration('hl-b', '1001'), undefined);
      const all = await store().pageHotlineRegistrations('hl-a', {}, { pageNo: 1, pageSize: 1 });
      assert.deepEqual([all.total, all.items.map((r) => r.id)], [2, ['1002']]);
      const filtered = await store().pageHotlineRegistrations('hl-a', { hotlineNumber: '4001234567', qualificationId: 'q1', status: 'PENDING' }, PAGE);
      assert.deepEqual(filtered.items.map((r) => sealing.openRegistration(r)), [first]);
      assert.equal((await store().pageHotlineRegistrations('hl-b', {}, PAGE)).total, 0);
    });

    test('a review decides a pending registration once; numbers count by state and qualification', async () => {
      const review = { status: 'APPROVED' as const, rejectReason: null, reviewedAt: T0 + 10 };
      assert.equal(await store().reviewHotlineRegistration('hl-b', '1001', review), false, 'not across accounts');
      assert.equal(await store().reviewHotlineRegistration('hl-a', '1001', review), true);
      assert.equal(await store().reviewHotlineRegistration('hl-a', '1001', { ...review, status: 'REJECTED', rejectReason: 'x' }), false, 'already decided');
      const decided = await store().getHotlineRegistration('hl-a', '1001');
      assert.deepEqual([decided?.status, decided?.reviewedAt, decided?.rejectReason], ['APPROVED', T0 + 10, null]);

      await store().insertHotlineRegistration(await sealing.sealRegistration(registration('1003', ['13800000003'], T0 + 3)));
      const numbers = ['13800000001', '057100000001', '13800000003', '13899999999'];
      const digests = await sealing.digests(numbers);
      // The store answers digests; this maps them back to the numbers they were made from.
      const find = async (accountId: string, scope: Parameters<ReturnType<typeof store>['findHotlineTransferNumbers']>[1]) =>
        (await store().findHotlineTransferNumbers(accountId, scope, digests)).map((d) => numbers[digests.indexOf(d)]).sort();
      assert.deepEqual(await find('hl-a', { hotlineNumber: '4001234567', statuses: ['APPROVED'], qualificationId: 'q1' }), ['057100000001', '13800000001']);
      assert.deepEqual(await find('hl-a', { hotlineNumber: '4001234567', statuses: ['PENDING', 'APPROVED'] }), ['057100000001', '13800000001', '13800000003']);
      assert.deepEqual(await find('hl-a', { hotlineNumber: '4001234567', statuses: ['APPROVED'], qualificationId: 'q9' }), []);
      assert.deepEqual(await find('hl-b', { hotlineNumber: '4001234567', statuses: ['APPROVED'] }), []);
      assert.deepEqual(await store().findHotlineTransferNumbers('hl-a', { hotlineNumber: '4001234567', statuses: ['APPROVED'] }, numbers), [], 'clear numbers match nothing');

      const page = await store().pageRegisteredHotlineNumbers('hl-a', 'q1', '4001234567', PAGE);
      const registered = { total: page.total, items: page.items.map((n) => sealing.openRegisteredNumber(n)) };
      assert.equal(page.items[0]?.phoneNumberDigest, await digest('13800000001'));
      assert.deepEqual(registered, { total: 2, items: [
        { registrationId: '1001', qualificationId: 'q1', hotlineNumber: '4001234567', phoneNumber: '13800000001', ownerName: 'owner 13800000001', identityCard: ID },
        { registrationId: '1001', qualificationId: 'q1', hotlineNumber: '4001234567', phoneNumber: '057100000001', ownerName: 'owner 057100000001', identityCard: ID },
      ] });
      const second = await store().pageRegisteredHotlineNumbers('hl-a', 'q1', '4001234567', { pageNo: 2, pageSize: 1 });
      assert.deepEqual(second.items.map((n) => sealing.openRegisteredNumber(n).phoneNumber), ['057100000001']);
    });

    test('a transfer pool is replaced whole and keeps its first creation time', async () => {
      const pool = {
        accountId: 'hl-a', hotlineNumber: '4001234567', qualificationId: 'q1', routeMode: 'random' as const, transferTimeoutS: 30,
        targets: [{ called: '13800000001', caller: null }, { called: '057100000001', caller: '4001234567' }], createdAt: T0 + 20, updatedAt: T0 + 20,
      };
      const read = async () => {
        const found = await store().getHotlineTransferConfig('hl-a', '4001234567');
        return found && sealing.openTransferConfig(found);
      };
      await store().putHotlineTransferConfig(sealing.sealTransferConfig(pool));
      assert.deepEqual(await read(), pool);
      await store().putHotlineTransferConfig(sealing.sealTransferConfig({ ...pool, routeMode: 'roundRobin', targets: [pool.targets[1]!], createdAt: T0 + 30, updatedAt: T0 + 30 }));
      assert.deepEqual(await read(), { ...pool, routeMode: 'roundRobin', targets: [pool.targets[1]], updatedAt: T0 + 30 });
      assert.equal(await store().getHotlineTransferConfig('hl-b', '4001234567'), undefined);
    });

    test('verification codes: the resend interval is enforced by the claim; mark, count and delete touch only that code', async () => {
      const target = await digest('13900000009');
      assert.equal(await store().claimVerificationCode(code(target, T0), 60_000), true);
      assert.equal(await store().claimVerificationCode(code(target, T0 + 59_999), 60_000), false);
      assert.deepEqual(await store().getVerificationCode('hl-a', target, 'CONTACT'), code(target, T0));
      assert.equal(await store().claimVerificationCode({ ...code(target, T0), accountId: 'hl-b' }, 60_000), true, 'per account');

      await store().markVerificationCodeDelivered('hl-a', target, 'CONTACT', T0 + 1);
      assert.equal((await store().getVerificationCode('hl-a', target, 'CONTACT'))?.delivered, false, 'another sentAt is another code');
      await store().markVerificationCodeDelivered('hl-a', target, 'CONTACT', T0);
      await store().countVerificationFailure('hl-a', target, 'CONTACT', T0);
      await store().countVerificationFailure('hl-a', target, 'CONTACT', T0);
      assert.deepEqual(await store().getVerificationCode('hl-a', target, 'CONTACT'), code(target, T0, { delivered: true, failedAttempts: 2 }));

      assert.equal(await store().claimVerificationCode(code(target, T0 + 60_000), 60_000), true, 'a minute later it is replaced');
      assert.deepEqual(await store().getVerificationCode('hl-a', target, 'CONTACT'), code(target, T0 + 60_000));
      assert.equal(await store().deleteVerificationCode('hl-a', target, 'CONTACT', T0), false, 'the old code is gone already');
      assert.equal(await store().deleteVerificationCode('hl-a', target, 'CONTACT', T0 + 60_000), true);
      assert.equal(await store().deleteVerificationCode('hl-a', target, 'CONTACT', T0 + 60_000), false, 'used at most once');
      assert.equal(await store().getVerificationCode('hl-a', target, 'CONTACT'), undefined);
      assert.ok(await store().getVerificationCode('hl-b', target, 'CONTACT'));
    });

    test('the digest key: the first one offered is kept, later offers get it back', async () => {
      // The digests above made the key on first use; a later node offering its own gets that one back.
      const kept = await store().ensureHotlineDigestKey('v1:another-node');
      assert.match(kept, /^v1:/);
      assert.notEqual(kept, 'v1:another-node');
      assert.equal(await store().ensureHotlineDigestKey('v1:a-third-node'), kept);
    });
  });
  hotlineSealingContract(openFreshStore);
}
