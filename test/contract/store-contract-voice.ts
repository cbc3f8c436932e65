/** The voice-resource half of the Store contract: TTS templates, caller numbers and receipt URLs, each kept per account. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TtsTemplateRecord } from '../../src/core/media/tts-template.js';
import { DomainError } from '../../src/core/errors.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

/** A template fixture. */
function template(accountId: string, code: string, name: string, createdAt = T0, publicMode = false): TtsTemplateRecord {
  return { accountId, code, name, type: 'NOTIFY', content: `您好\${name}，${name}`, publicMode, status: 'APPROVED', createdAt };
}

/** Registers the voice-resource tests for one adapter. */
export function voiceResourceContract(openFreshStore: FreshStoreFactory): void {
  describe('voice resources', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      for (const id of ['vr-a', 'vr-b']) await store().insertAccount(account(id));
    });

    test('a template reads back exactly, only in its own account, with its time as a number', async () => {
      const t = template('vr-a', 'TTS_100000001', '到货通知', T0 + 7, true);
      await store().insertTtsTemplate(t);
      const got = await store().getTtsTemplate('vr-a', t.code);
      assert.deepEqual(got, t);
      assert.equal(typeof got?.createdAt, 'number');
      assert.equal(await store().getTtsTemplate('vr-b', t.code), undefined);
      assert.equal(await store().deleteTtsTemplate('vr-b', t.code), false);
    });

    test('a taken code is AlreadyExists about TtsCode; the same code in another account is fine', async () => {
      await store().insertTtsTemplate(template('vr-a', 'TTS_100000002', 'x'));
      await assert.rejects(store().insertTtsTemplate(template('vr-a', 'TTS_100000002', 'y')), (e: unknown) => e instanceof DomainError && e.code === 'AlreadyExists' && e.param === 'TtsCode');
      await store().insertTtsTemplate(template('vr-b', 'TTS_100000002', 'z'));
      assert.equal((await store().getTtsTemplate('vr-b', 'TTS_100000002'))?.name, 'z');
    });

    test('templates page newest first, filter by name case-insensitively and literally, and delete once', async () => {
      for (const [i, name] of ['Alpha 100%', 'beta', 'ALPHA two'].entries()) await store().insertTtsTemplate(template('vr-b', `TTS_20000000${i}`, name, T0 + 1000 + i));
      const all = await store().pageTtsTemplates('vr-b', {}, { pageNo: 1, pageSize: 2 });
      assert.equal(all.total, 4);
      assert.deepEqual(all.items.map((t) => t.name), ['ALPHA two', 'beta']);
      const alpha = await store().pageTtsTemplates('vr-b', { name: 'alpha' }, { pageNo: 1, pageSize: 10 });
      assert.deepEqual(alpha.items.map((t) => t.name), ['ALPHA two', 'Alpha 100%']);
      assert.deepEqual((await store().pageTtsTemplates('vr-b', { name: '0%' }, { pageNo: 1, pageSize: 10 })).items.map((t) => t.name), ['Alpha 100%']);
      assert.equal(await store().deleteTtsTemplate('vr-b', 'TTS_200000001'), true);
      assert.equal(await store().deleteTtsTemplate('vr-b', 'TTS_200000001'), false);
      assert.equal((await store().pageTtsTemplates('vr-b', {}, { pageNo: 1, pageSize: 10 })).total, 3);
    });

    test('a caller number is added once per account, found only there, listed newest first and removed once', async () => {
      assert.equal(await store().insertCallerNumber({ accountId: 'vr-a', number: '057100000001', createdAt: T0 }), true);
      assert.equal(await store().insertCallerNumber({ accountId: 'vr-a', number: '057100000001', createdAt: T0 + 9 }), false);
      assert.equal(await store().insertCallerNumber({ accountId: 'vr-a', number: '057100000002', createdAt: T0 + 1 }), true);
      assert.equal(await store().insertCallerNumber({ accountId: 'vr-b', number: '057100000001', createdAt: T0 }), true);
      assert.equal(await store().hasCallerNumber('vr-a', '057100000001'), true);
      assert.equal(await store().hasCallerNumber('vr-a', '057100000003'), false);
      const page = await store().pageCallerNumbers('vr-a', { pageNo: 1, pageSize: 10 });
      assert.deepEqual(page, { total: 2, items: [{ accountId: 'vr-a', number: '057100000002', createdAt: T0 + 1 }, { accountId: 'vr-a', number: '057100000001', createdAt: T0 }] });
      assert.equal(await store().deleteCallerNumber('vr-a', '057100000001'), true);
      assert.equal(await store().deleteCallerNumber('vr-a', '057100000001'), false);
      assert.equal(await store().hasCallerNumber('vr-b', '057100000001'), true);
    });

    test('concurrent adds of one caller number: exactly one wins', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store().insertCallerNumber({ accountId: 'vr-b', number: '13800000000', createdAt: T0 + i })));
      assert.equal(results.filter(Boolean).length, 1);
    });

    test('one receipt URL per (account, type): put replaces, delete removes once, accounts keep their own', async () => {
      await store().putReceiptConfig({ accountId: 'vr-a', messageType: 'VoiceReport', url: 'http://a/1', updatedAt: T0 });
      await store().putReceiptConfig({ accountId: 'vr-a', messageType: 'VoiceReport', url: 'https://a/2', updatedAt: T0 + 5 });
      await store().putReceiptConfig({ accountId: 'vr-a', messageType: 'LlmSmartCallReport', url: 'https://a/llm', updatedAt: T0 });
      await store().putReceiptConfig({ accountId: 'vr-b', messageType: 'VoiceReport', url: 'https://b', updatedAt: T0 });
      const a = (await store().listReceiptConfigs('vr-a')).sort((x, y) => x.messageType.localeCompare(y.messageType));
      assert.deepEqual(a, [
        { accountId: 'vr-a', messageType: 'LlmSmartCallReport', url: 'https://a/llm', updatedAt: T0 },
        { accountId: 'vr-a', messageType: 'VoiceReport', url: 'https://a/2', updatedAt: T0 + 5 },
      ]);
      assert.equal(await store().deleteReceiptConfig('vr-a', 'VoiceReport'), true);
      assert.equal(await store().deleteReceiptConfig('vr-a', 'VoiceReport'), false);
      assert.deepEqual((await store().listReceiptConfigs('vr-a')).map((r) => r.messageType), ['LlmSmartCallReport']);
      assert.deepEqual(await store().listReceiptConfigs('vr-b'), [{ accountId: 'vr-b', messageType: 'VoiceReport', url: 'https://b', updatedAt: T0 }]);
    });
  });
}
