import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseLengthRange, parseRange } from './build/dyvms-catalog.js';
import { buildSpecs, generateCatalogFiles } from './build/generate.js';
import { oneLine } from './build/sdk-model.js';
import { readSpecInputs } from './build/spec-files.js';

// The specs live beside the repository (../shared/spec); checkouts without them skip these tests.
const specDir = fileURLToPath(new URL('../../../../shared/spec', import.meta.url));
const noSpecs = existsSync(specDir) ? false : `no spec directory at ${specDir}`;

test('the committed generated modules are exactly what the generator produces now', { skip: noSpecs }, () => {
  for (const [name, content] of generateCatalogFiles(specDir)) {
    const committed = readFileSync(new URL(`./generated/${name}`, import.meta.url), 'utf8');
    assert.ok(committed === content, `generated/${name} is stale: run npx tsx scripts/gen-catalog.ts`);
  }
});

test('generation is deterministic', { skip: noSpecs }, () => {
  assert.deepEqual(generateCatalogFiles(specDir), generateCatalogFiles(specDir));
});

test('aiccs: every one of the 146 names the seed does not specify is routable', { skip: noSpecs }, () => {
  const inputs = readSpecInputs(specDir);
  const specs = buildSpecs(inputs).aiccs;
  const named = inputs.aiccsCatalog.directories.flatMap((d) => d.children);
  const specified = new Set(Object.keys(inputs.aiccsCatalog.apis));
  const namedOnly = named.filter((n) => !specified.has(n));
  assert.equal(namedOnly.length, 146);
  for (const action of namedOnly) {
    const found = specs.find((s) => s.action === action);
    assert.ok(found && found.source !== 'catalog', action);
  }
  assert.equal(specs.filter((s) => !named.includes(s.action)).length, 13, 'SDK-only aiccs actions');
});

test('documented ranges and lengths parse, and an unknown form fails loudly', () => {
  assert.deepEqual(parseRange('1~3'), { min: 1, max: 3 });
  assert.deepEqual(parseRange('-500~500'), { min: -500, max: 500 });
  assert.deepEqual(parseRange('>1'), { min: 2 });
  assert.deepEqual(parseLengthRange('1~15'), { minLength: 1, maxLength: 15 });
  assert.throws(() => parseRange('1 to 3'), /cannot parse range/);
});

test('descriptions collapse to one line without markdown', () => {
  assert.equal(oneLine('启动方式。取值:\n\n- IMMEDIATE:立即启动。\n\n- **SCHEDULE**:定时启动。'), '启动方式。取值: IMMEDIATE:立即启动。 SCHEDULE:定时启动。');
  assert.equal(oneLine(undefined), undefined);
  assert.equal([...(oneLine('x'.repeat(300)) ?? '')].length, 161);
});
