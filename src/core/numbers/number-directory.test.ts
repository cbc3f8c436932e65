import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { DirectoryEntry, NumberDirectoryStore } from '../../ports/campaign-store.js';
import { SecretBox } from '../accounts/secret-box.js';
import { DomainError } from '../errors.js';
import type { HashType } from './encryption-type.js';
import { NumberDirectory } from './number-directory.js';
import { hashNumber } from './number-hash.js';

/** The directory port over a Map, enough to test the domain logic around it. */
class MapDirectoryStore implements NumberDirectoryStore {
  readonly rows = new Map<string, DirectoryEntry>();
  async upsertDirectoryEntries(accountId: string, entries: readonly DirectoryEntry[]): Promise<number> {
    let added = 0;
    for (const e of entries) {
      if (this.rows.has(`${accountId}/${e.sha256}`)) continue;
      this.rows.set(`${accountId}/${e.sha256}`, e);
      added += 1;
    }
    return added;
  }
  async findDirectoryEntry(accountId: string, hashType: HashType, hash: string): Promise<string | undefined> {
    const column = ({ 1: 'md5', 2: 'sha256', 3: 'sm3' } as const)[hashType];
    return [...this.rows].find(([key, e]) => key.startsWith(`${accountId}/`) && e[column] === hash)?.[1].numberCiphertext;
  }
  async deleteDirectoryEntries(accountId: string, sha256s: readonly string[]): Promise<number> {
    return sha256s.filter((h) => this.rows.delete(`${accountId}/${h}`)).length;
  }
  async countDirectoryEntries(accountId: string): Promise<number> {
    return [...this.rows.keys()].filter((k) => k.startsWith(`${accountId}/`)).length;
  }
}

test('uploaded numbers are stored sealed under their three digests and resolve back', async () => {
  const store = new MapDirectoryStore();
  const box = new SecretBox(randomBytes(32));
  const directory = new NumberDirectory(store, box);
  assert.equal(await directory.add('acc', ['13800138000'], 1), 1);
  const [entry] = [...store.rows.values()];
  assert.ok(entry && !entry.numberCiphertext.includes('13800138000'));
  assert.equal(entry.md5, hashNumber('13800138000', 1));
  for (const type of [1, 2, 3] as const) {
    assert.deepEqual(await directory.resolve('acc', hashNumber('13800138000', type), type), { ok: true, plain: '13800138000' });
  }
  assert.deepEqual(await directory.resolve('acc', hashNumber('1', 1), 1), { ok: false, reason: 'no number in the directory matches this MD5 hash' });
  assert.deepEqual(await directory.resolve('acc', hashNumber('1', 3), 3), { ok: false, reason: 'no number in the directory matches this SM3 hash' });
  assert.equal(await directory.remove('acc', ['13800138000']), 1);
  assert.equal((await directory.resolve('acc', hashNumber('13800138000', 2), 2)).ok, false);
});

test('an upload with a malformed number stores nothing', async () => {
  const store = new MapDirectoryStore();
  const directory = new NumberDirectory(store, new SecretBox(randomBytes(32)));
  await assert.rejects(directory.add('acc', ['13800138000', 'not-a-number'], 1), (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument');
  assert.equal(store.rows.size, 0);
});
