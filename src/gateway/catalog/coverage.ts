/** docs/api-coverage.md, rendered from the live registry so the document cannot drift from the code. */
import type { ActionCatalog } from './catalog.js';
import type { ActionSpec, ProductName } from './types.js';

const SOURCE_LABEL: Record<ActionSpec['source'], string> = {
  catalog: 'specified (catalog)',
  code: 'specified (waihu)',
  'sdk-model': 'SDK model only',
  directory: 'named only',
};

function row(spec: ActionSpec, built: boolean): string {
  const qps = spec.qps ? `${spec.qps.perUser ?? '—'} / ${spec.qps.api ?? '—'}` : '—';
  const summary = (spec.summary ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 140);
  return `| \`${spec.action}\` | ${built ? '**built**' : 'NotImplemented (501)'} | ${SOURCE_LABEL[spec.source]} | ${spec.params.length} | ${qps} | ${summary} |`;
}

/** Renders the coverage page: every registered action of every product and whether it is built. */
export function renderApiCoverage(catalog: ActionCatalog, isBuilt: (product: ProductName, action: string) => boolean): string {
  const out: string[] = [
    '# API coverage',
    '',
    'Generated from the gateway registry by `npm run gen:coverage` (a test fails when this file is stale). Every',
    'action listed is routed and its parameters are validated against its spec; an action that is not built yet',
    'answers HTTP 501 `NotImplemented` with a message naming it. QPS is per AccessKey / per API.',
    '',
  ];
  const totals: string[] = [];
  for (const product of catalog.products()) {
    const specs = catalog.listActions(product.name);
    const built = specs.filter((s) => isBuilt(product.name, s.action)).length;
    totals.push(`| ${product.name} | ${product.version} | ${specs.length} | ${built} |`);
    out.push(`## ${product.name} ${product.version}`, '', `${built} of ${specs.length} built.`, '');
    out.push('| action | status | spec | params | QPS | summary |', '| --- | --- | --- | --- | --- | --- |');
    for (const spec of specs) out.push(row(spec, isBuilt(product.name, spec.action)));
    out.push('');
  }
  const header = ['## Summary', '', '| product | version | actions | built |', '| --- | --- | --- | --- |', ...totals, ''];
  out.splice(6, 0, ...header);
  return out.join('\n');
}
