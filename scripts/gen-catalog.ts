/**
 * Regenerates src/gateway/catalog/generated/*.ts from the spec catalogs and SDK models.
 * Usage: npx tsx scripts/gen-catalog.ts [--spec <dir>] [--out <dir>]   (or: [<spec dir>])
 * Defaults: spec ../shared/spec (relative to the repository root), out src/gateway/catalog/generated.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSpecs, countBySource, GENERATED_PRODUCTS, renderModule } from '../src/gateway/catalog/build/generate.js';
import { readSpecInputs, type SpecInputs } from '../src/gateway/catalog/build/spec-files.js';
import type { ActionSpec } from '../src/gateway/catalog/types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Reads the options; a bare positional argument is the spec directory. */
function options(): { specDir: string; outDir: string } {
  const { values, positionals } = parseArgs({
    options: { spec: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
  });
  return {
    specDir: resolve(values.spec ?? positionals[0] ?? join(repoRoot, '..', 'shared', 'spec')),
    outDir: resolve(values.out ?? join(repoRoot, 'src', 'gateway', 'catalog', 'generated')),
  };
}

/** Writes the three modules and prints how many actions of each source each product got. */
function main(): void {
  const { specDir, outDir } = options();
  const inputs = readSpecInputs(specDir);
  const specs = buildSpecs(inputs);
  mkdirSync(outDir, { recursive: true });
  for (const product of GENERATED_PRODUCTS) {
    writeFileSync(join(outDir, `${product}.ts`), renderModule(product, specs[product]));
    const counts = Object.entries(countBySource(specs[product])).map(([source, n]) => `${source} ${n}`);
    console.log(`${product}: ${specs[product].length} actions (${counts.join(', ')})`);
  }
  console.log(aiccsBreakdown(inputs, specs.aiccs));
  console.log(`wrote ${GENERATED_PRODUCTS.length} modules to ${outDir}`);
}

/** aiccs by origin: specified in the seed, only named in its directories, or only in the SDK. */
function aiccsBreakdown(inputs: SpecInputs, specs: readonly ActionSpec[]): string {
  const named = new Set(inputs.aiccsCatalog.directories.flatMap((d) => d.children));
  const otherNamed = specs.filter((s) => s.source !== 'catalog' && named.has(s.action));
  const bySource = Object.entries(countBySource(otherNamed)).map(([source, n]) => `${source} ${n}`);
  const sdkOnly = specs.filter((s) => !named.has(s.action)).length;
  const catalog = specs.filter((s) => s.source === 'catalog').length;
  return `aiccs: ${catalog} catalog + ${otherNamed.length} other named in directories (${bySource.join(', ')}) + ${sdkOnly} SDK-only`;
}

main();
