import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { StatementCachingDatabase } from './statement-cache.js';

test('the same SQL gets the same prepared statement; the cache keeps only the most recent 256 texts', () => {
  const raw = new BetterSqlite3(':memory:');
  let prepared = 0;
  const prepare = raw.prepare.bind(raw);
  const counting = Object.assign(Object.create(raw) as BetterSqlite3.Database, {
    prepare: (sql: string) => { prepared++; return prepare(sql); },
    close: () => raw.close(),
  });
  const db = new StatementCachingDatabase(counting);
  const first = db.prepare('select 1 as one');
  assert.equal(db.prepare('select 1 as one'), first);
  assert.equal(prepared, 1);
  for (let i = 0; i < 256; i++) db.prepare(`select ${i + 2} as n`);
  assert.notEqual(db.prepare('select 1 as one'), first, 'evicted after 256 newer texts');
  assert.equal(prepared, 258);
  db.close();
});
