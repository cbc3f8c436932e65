// `waihu hotline ...` as an operator runs it: registrations a customer submitted (seeded into the data dir's store,
// as SubmitHotlineTransferRegister leaves them) are listed, approved or rejected with a reason; mistakes get a
// one-line message and a non-zero exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, ensureDefaultAccount } from '../../src/app/app.js';
import { createLogger } from '../../src/app/logger.js';
import { loadConfig } from '../../src/config/config.js';
import type { RegistrationRecord } from '../../src/core/hotline/hotline-records.js';
import { HotlineSealing } from '../../src/core/hotline/hotline-sealing.js';
import { waihu } from '../support/cli-runner.js';

/** The command's stdout parsed as JSON, after checking it succeeded. */
function json<T>(dataDir: string, args: string[]): T {
  const run = waihu(dataDir, [...args, '--json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as T;
}

/** A data dir whose default account has a qualification and two pending registrations; returns their ids. */
async function seeded(): Promise<{ dir: string; ids: string[]; qualificationId: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-cli-hotline-'));
  const app = await createApp(loadConfig({}, dir, { dataDir: dir }), { logger: createLogger('silent') });
  try {
    const key = await ensureDefaultAccount(app);
    const accountId = key!.AccountId;
    const q = await app.hotline.registry.createQualification(accountId, { corpName: '某某公司' });
    // Stored as the registry stores a submission: sealed under the data dir's master key.
    const sealing = new HotlineSealing(app.secrets, app.store);
    const ids: string[] = [];
    for (const [i, number] of ['13811110001', '13811110002'].entries()) {
      const record: RegistrationRecord = {
        id: app.ids.next(), accountId, qualificationId: q.qualificationId, hotlineNumber: '4001234567', operatorName: `经办${i}`,
        operatorMail: 'ops@example.com', operatorMobile: '13900000001', operatorIdentityCard: '11010519491231002X', agreement: 'true',
        numbers: [{ phoneNumber: number, ownerName: '机主', identityCard: '11010519491231002X' }], status: 'PENDING', rejectReason: null, reviewedAt: null,
        createdAt: app.clock.now() + i,
      };
      await app.store.insertHotlineRegistration(await sealing.sealRegistration(record));
      ids.push(record.id);
    }
    return { dir, ids, qualificationId: q.qualificationId };
  } finally {
    await app.close();
  }
}

test('hotline: list pending, approve one, reject one with a reason; decided ones cannot be decided again', async () => {
  const { dir, ids } = await seeded();
  const [first, second] = ids as [string, string];
  const pending = json<{ RegistrationId: string; Status: string }[]>(dir, ['hotline', 'list', '--status', 'pending']);
  assert.deepEqual(pending.map((r) => r.RegistrationId), [second, first], 'newest first');

  const text = waihu(dir, ['hotline', 'list']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, new RegExp(`${first}\\s+PENDING\\s+4001234567\\s+1 number\\(s\\)\\s+经办0`));

  const approved = waihu(dir, ['hotline', 'approve', first]);
  assert.deepEqual([approved.code, approved.stdout.trim()], [0, `${first}: approved`]);
  const rejected = json<{ Status: string; RejectReason: string }>(dir, ['hotline', 'reject', second, '--reason', '机主信息不符']);
  assert.deepEqual([rejected.Status, rejected.RejectReason], ['REJECTED', '机主信息不符']);

  assert.deepEqual(json<unknown[]>(dir, ['hotline', 'list', '--status', 'PENDING']), []);
  const shown = waihu(dir, ['hotline', 'show', second]);
  assert.match(shown.stdout, /Status\s+REJECTED/);
  assert.match(shown.stdout, /RejectReason\s+机主信息不符/);

  const twice = waihu(dir, ['hotline', 'reject', first, '--reason', 'late']);
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, new RegExp(`^waihu: registration ${first} was already approved`));
  assert.doesNotMatch(twice.stderr, /at .*\.ts:\d+/, 'no stack trace for an expected failure');
});

test('hotline: usage mistakes exit 2 with the usage; unknown ids and states exit 1 with one line', async () => {
  const { dir, qualificationId } = await seeded();
  const noReason = waihu(dir, ['hotline', 'reject', '123']);
  assert.equal(noReason.code, 2);
  assert.match(noReason.stderr, /hotline reject needs --reason/);
  assert.match(noReason.stderr, /usage:\n  waihu hotline list/);

  const unknown = waihu(dir, ['hotline', 'approve', '42']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^waihu: The specified RegistrationId "42" does not exist/);

  const badStatus = waihu(dir, ['hotline', 'list', '--status', 'DONE']);
  assert.equal(badStatus.code, 1);
  assert.match(badStatus.stderr, /--status must be one of PENDING, APPROVED, REJECTED/);

  const suspended = json<{ Status: string }>(dir, ['hotline', 'suspend', qualificationId]);
  assert.equal(suspended.Status, 'OTHER');
  const created = json<{ QualificationId: string; OrderId: string; Status: string }>(dir, ['hotline', 'qualify', '--corp-name', '新公司', '--order-id', 'T-2026-1']);
  assert.deepEqual([created.OrderId, created.Status], ['T-2026-1', 'NORMAL']);
  const again = waihu(dir, ['hotline', 'qualify', '--corp-name', '新公司', '--order-id', 'T-2026-1']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /T-2026-1 already has a qualification/);
});
