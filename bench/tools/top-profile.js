// Summarises a V8 .cpuprofile (node --cpu-prof): top functions by self and by inclusive time, and self time per
// package or source area. Usage: node bench/tools/top-profile.js <file.cpuprofile> [topN]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/tools/top-profile.js <file.cpuprofile> [topN]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Where a frame's code lives: a package, an area of dist/, node internals or V8 pseudo-frames. */
function areaOf(url) {
  if (!url) return '(native / V8)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const dist = url.match(/\/dist\/(.+?)\/[^/]+$/);
  if (dist) return `dist/${dist[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\//, '');
}

function keyOf(node) {
  const f = node.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|dist)\//, '$1/').replace(/^file:\/\//, '')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
}

/**
 * Buckets a sample by the first rule that matches any frame of its stack (leaf to root), so time spent in a
 * library is charged to what called it for: a pino frame under the gateway is "request log", not "gateway".
 */
const BUCKETS = [
  ['(garbage collector)', (f) => f.functionName === '(garbage collector)'],
  ['store: nonce claim / key lookup (kysely + better-sqlite3)', (f) => /node_modules\/(kysely|better-sqlite3)\/|\/dist\/store\//.test(f.url)],
  ['request log (pino, maskValue)', (f) => /node_modules\/(pino|sonic-boom|quick-format-unescaped|fast-redact|on-exit-leak-free)\/|\/dist\/app\/logger\.js|\/dist\/core\/privacy\//.test(f.url)],
  ['signature check (dist/gateway/auth)', (f) => /\/dist\/gateway\/auth\//.test(f.url)],
  ['gateway: route, params, render, ids', (f) => /\/dist\/(gateway|core)\//.test(f.url)],
  ['socket writes (writev of responses)', (f) => /^node:internal\/stream_base_commons/.test(f.url) || f.functionName === 'writev'],
  ['http adapter (@hono/node-server, hono, undici Request/Response)', (f) => /node_modules\/(@hono\/node-server|hono)\/|\/dist\/app\/http-server\.js|internal\/deps\/undici/.test(f.url)],
  ['node http parser and server (outside the adapter)', (f) => /^node:(_http|net)/.test(f.url)],
];

function bucketOf(id) {
  const frames = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) frames.push(byId.get(cur).callFrame);
  for (const [name, test] of BUCKETS) if (frames.some(test)) return name;
  return 'other (microtask plumbing, timers, native)';
}

// Sample time: timeDeltas[i] is the time since the previous sample.
const self = new Map();
const inclusive = new Map();
const areas = new Map();
const buckets = new Map();
const bucketSelf = new Map();
let total = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id);
  total += dt;
  if (node.callFrame.functionName === '(idle)') {
    idle += dt;
    return;
  }
  const key = keyOf(node);
  self.set(key, (self.get(key) ?? 0) + dt);
  const bucket = bucketOf(id);
  buckets.set(bucket, (buckets.get(bucket) ?? 0) + dt);
  const inBucket = bucketSelf.get(bucket) ?? bucketSelf.set(bucket, new Map()).get(bucket);
  inBucket.set(keyOf(node), (inBucket.get(keyOf(node)) ?? 0) + dt);
  const area = areaOf(node.callFrame.url);
  areas.set(area, (areas.get(area) ?? 0) + dt);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = keyOf(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  }
});

const busy = total - idle;
const pct = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`;
const print = (title, map, n) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${pct(v)}  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages are of busy time)`);
print('time by what the request was doing (first matching frame on the stack)', buckets, top);
for (const [bucket] of [...buckets].sort((a, b) => b[1] - a[1])) print(`  top self time within "${bucket}"`, bucketSelf.get(bucket), 6);
print('self time by area', areas, top);
print('self time by function', self, top);
print('inclusive time by function', inclusive, top);
