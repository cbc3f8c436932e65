/**
 * Personal data of the 400-number registry at rest, on each store adapter: a registration submitted through the
 * registry leaves no ID card number, e-mail address, name or phone number in clear in any hotline table, while the
 * registry's answers (and its duplicate and pool checks, which match on digests) still work.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SecretBox } from '../../src/core/accounts/secret-box.js';
import { createHotlineServices, type HotlineServices } from '../../src/core/hotline/hotline-services.js';
import { DomainError } from '../../src/core/errors.js';
import { IdGenerator } from '../../src/core/ids.js';
import { ManualClock } from '../../src/ports/clock.js';
import type { VerificationMessage } from '../../src/ports/hotline-code-sender.js';
import type { Store } from '../../src/ports/store.js';
import type { Database } from '../../src/store/schema.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const OPERATOR_ID = '11010519491231002X';
const OWNER_ID = '440524188001010014';
const MAIL = 'zhang.wei@example-corp.cn';
const OPERATOR = '张伟';
const OWNER = '李娜';
const MOBILE = '13912345678';
const TRANSFER = '13800138000';
const LANDLINE = '057188886666';
const HOTLINE = '4001234567';
const PAGE = { pageNo: 1, pageSize: 10 };
const TABLES = ['hotline_registrations', 'hotline_registration_numbers', 'hotline_verification_codes', 'hotline_transfer_configs', 'hotline_digest_keys'] as const;

/** Every row of the hotline tables as one text, read past the store's methods, the way someone with the database file would. */
async function rawText(store: Store): Promise<string> {
  // The Kysely handle is the adapter's internal; reaching it here is the point of the test.
  const db = (store as unknown as { db: Kysely<Database> }).db;
  const rows: unknown[] = [];
  for (const table of TABLES) rows.push(...await db.selectFrom(table).selectAll().execute());
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Registers the sealing tests for one adapter. */
export function hotlineSealingContract(openFreshStore: FreshStoreFactory): void {
  describe('400-number registry: personal data sealed at rest', () => {
    const store = useMigratedStore(openFreshStore);
    const clock = new ManualClock(T0);
    const sent: VerificationMessage[] = [];
    let hotline: HotlineServices;
    let qualificationId: string;

    /** Sends a code to the operator's mobile and submits a registration with it. */
    async function submit(numbers: { PhoneNumber: string; PhoneNumberOwnerName: string; IdentityCard: string }[]) {
      clock.advance(60_000);
      await hotline.verification.send('acc-s', { target: MOBILE, verifyType: 'SMS', bizType: 'CONTACT' });
      return hotline.registry.submit('acc-s', {
        QualificationId: qualificationId, OperatorName: OPERATOR, OperatorMail: MAIL, OperatorMobile: MOBILE,
        OperatorMobileVerifyCode: sent.at(-1)!.code, OperatorIdentityCard: OPERATOR_ID.toLowerCase(), Agreement: 'true',
        HotlineNumber: HOTLINE, TransferPhoneNumberInfos: numbers,
      });
    }

    before(async () => {
      await store().insertAccount(account('acc-s'));
      const sender = { send: async (m: VerificationMessage) => { sent.push(m); } };
      hotline = createHotlineServices({ store: store(), clock, ids: new IdGenerator(clock), sender, secrets: new SecretBox(randomBytes(32)) });
      qualificationId = (await hotline.registry.createQualification('acc-s', { corpName: '某某科技有限公司' })).qualificationId;
    });

    test('the raw rows hold no ID card number, e-mail, name or phone number; the registry returns them all', async () => {
      const submitted = await submit([
        { PhoneNumber: TRANSFER, PhoneNumberOwnerName: OWNER, IdentityCard: OWNER_ID },
        { PhoneNumber: LANDLINE, PhoneNumberOwnerName: OPERATOR, IdentityCard: OPERATOR_ID },
      ]);
      await hotline.registry.review('acc-s', submitted.id, { kind: 'approve' });
      await hotline.pool.set('acc-s', { PhoneNumber: HOTLINE, QualificationId: qualificationId, CalledRouteMode: 'roundRobin', Details: [{ Called: LANDLINE, Caller: HOTLINE }] });

      const raw = await rawText(store());
      for (const secret of [OPERATOR_ID, OWNER_ID, MAIL, OPERATOR, OWNER, MOBILE, TRANSFER, LANDLINE]) {
        assert.ok(!raw.includes(secret), `${secret} is in a hotline table in clear`);
      }
      assert.match(raw, /"v1:/, 'sealed values are there instead');

      const read = await hotline.registry.registration('acc-s', submitted.id);
      assert.deepEqual(
        [read.operatorName, read.operatorMail, read.operatorMobile, read.operatorIdentityCard],
        [OPERATOR, MAIL, MOBILE, OPERATOR_ID],
      );
      assert.deepEqual(read.numbers, [
        { phoneNumber: TRANSFER, ownerName: OWNER, identityCard: OWNER_ID },
        { phoneNumber: LANDLINE, ownerName: OPERATOR, identityCard: OPERATOR_ID },
      ]);
      const files = await hotline.registry.registrationFiles('acc-s', qualificationId, HOTLINE, PAGE);
      assert.deepEqual(files.page.items.map((r) => [r.operatorMail, r.operatorIdentityCard]), [[MAIL, OPERATOR_ID]]);
      const registered = await hotline.registry.registeredNumbers('acc-s', qualificationId, HOTLINE, PAGE);
      assert.deepEqual(registered.items.map((n) => [n.phoneNumber, n.ownerName, n.identityCard]), [[TRANSFER, OWNER, OWNER_ID], [LANDLINE, OPERATOR, OPERATOR_ID]]);
      assert.deepEqual((await hotline.pool.get('acc-s', HOTLINE)).targets, [{ called: LANDLINE, caller: HOTLINE }]);
    });

    test('checks that match on a sealed number still work through its digest', async () => {
      const duplicate = await submit([{ PhoneNumber: '0571-8888-6666', PhoneNumberOwnerName: OWNER, IdentityCard: OWNER_ID }]).then(() => undefined, (e: unknown) => e);
      assert.ok(duplicate instanceof DomainError, String(duplicate));
      assert.equal(duplicate.param, 'TransferPhoneNumberInfos.1.PhoneNumber', 'the registered landline is recognised');

      const notApproved = await hotline.pool.set('acc-s', { PhoneNumber: HOTLINE, QualificationId: qualificationId, CalledRouteMode: 'random', Details: [{ Called: '13700001111' }] })
        .then(() => undefined, (e: unknown) => e);
      assert.ok(notApproved instanceof DomainError && notApproved.param === 'Details.1.Called', String(notApproved));
      await hotline.pool.set('acc-s', { PhoneNumber: HOTLINE, QualificationId: qualificationId, CalledRouteMode: 'random', Details: [{ Called: TRANSFER }] });
      assert.deepEqual((await hotline.pool.get('acc-s', HOTLINE)).targets, [{ called: TRANSFER, caller: null }]);
    });
  });
}
