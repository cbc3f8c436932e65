/** The voice-file half of the Store contract: metadata rows kept per account, paged, filtered and deleted once. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../src/core/errors.js';
import type { VoiceFileRecord } from '../../src/core/media/voice-file.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const PAGE = { pageNo: 1, pageSize: 10 };

/** A voice-file fixture; durations and sizes past 2^31 check that bigint columns read back as numbers. */
function voiceFile(accountId: string, code: string, name: string, createdAt = T0, over: Partial<VoiceFileRecord> = {}): VoiceFileRecord {
  return {
    accountId, code, name, fileName: `${name}.wav`, publicMode: false, sourceFormat: 'WAV', durationMs: 2500, sampleRate: 8000,
    sizeBytes: 40_044, blobKey: `voice-files/${accountId}/${code}`, createdAt, ...over,
  };
}

/** Registers the voice-file tests for one adapter. */
export function voiceFileContract(openFreshStore: FreshStoreFactory): void {
  describe('voice files', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      for (const id of ['vf-a', 'vf-b']) await store().insertAccount(account(id));
    });

    test('a voice file reads back exactly, only in its own account, with its numbers as numbers', async () => {
      const f = voiceFile('vf-a', '0b1c2d3e-0000-4000-8000-000000000001.wav', '催缴通知', T0 + 7, { publicMode: true, sourceFormat: 'MP3', durationMs: 3_000_000_000, sizeBytes: 4_000_000_000 });
      await store().insertVoiceFile(f);
      const got = await store().getVoiceFile('vf-a', f.code);
      assert.deepEqual(got, f);
      assert.equal(typeof got?.durationMs, 'number');
      assert.equal(typeof got?.createdAt, 'number');
      assert.equal(await store().getVoiceFile('vf-b', f.code), undefined);
      assert.equal(await store().deleteVoiceFile('vf-b', f.code), undefined, "another account cannot delete it");
      assert.deepEqual(await store().getVoiceFile('vf-a', f.code), f);
    });

    test('a taken code is AlreadyExists about VoiceCode; the same code in another account is fine', async () => {
      const code = '0b1c2d3e-0000-4000-8000-000000000002.wav';
      await store().insertVoiceFile(voiceFile('vf-a', code, 'x'));
      await assert.rejects(store().insertVoiceFile(voiceFile('vf-a', code, 'y')), (e: unknown) => e instanceof DomainError && e.code === 'AlreadyExists' && e.param === 'VoiceCode');
      await store().insertVoiceFile(voiceFile('vf-b', code, 'z'));
      assert.equal((await store().getVoiceFile('vf-b', code))?.name, 'z');
      assert.equal((await store().getVoiceFile('vf-a', code))?.name, 'x');
    });

    test('voice files page newest first and filter by name case-insensitively, wildcards taken literally', async () => {
      for (const [i, name] of ['Alpha 100%', 'beta_1', 'ALPHA two'].entries()) await store().insertVoiceFile(voiceFile('vf-b', `c-${i}.wav`, name, T0 + 1000 + i));
      const all = await store().pageVoiceFiles('vf-b', {}, { pageNo: 1, pageSize: 2 });
      assert.deepEqual([all.total, all.items.map((f) => f.name)], [4, ['ALPHA two', 'beta_1']]);
      const second = await store().pageVoiceFiles('vf-b', {}, { pageNo: 2, pageSize: 2 });
      assert.deepEqual(second.items.map((f) => f.name), ['Alpha 100%', 'z']);
      assert.deepEqual((await store().pageVoiceFiles('vf-b', { name: 'alpha' }, PAGE)).items.map((f) => f.name), ['ALPHA two', 'Alpha 100%']);
      assert.deepEqual((await store().pageVoiceFiles('vf-b', { name: '100%' }, PAGE)).items.map((f) => f.name), ['Alpha 100%']);
      assert.equal((await store().pageVoiceFiles('vf-b', { name: 'a_1' }, PAGE)).total, 1, '_ matches only itself');
      assert.equal((await store().pageVoiceFiles('vf-b', { name: '%' }, PAGE)).total, 1);
    });

    test('delete returns what the row held, once', async () => {
      const f = voiceFile('vf-a', '0b1c2d3e-0000-4000-8000-000000000003.wav', 'gone', T0 + 9);
      await store().insertVoiceFile(f);
      assert.deepEqual(await store().deleteVoiceFile('vf-a', f.code), f);
      assert.equal(await store().deleteVoiceFile('vf-a', f.code), undefined);
      assert.equal(await store().getVoiceFile('vf-a', f.code), undefined);
      assert.equal((await store().pageVoiceFiles('vf-a', { name: 'gone' }, PAGE)).total, 0);
    });
  });
}
