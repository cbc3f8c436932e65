/**
 * Serves the built console (`dist/console/`, made by `npm run build:console`) under `/console/`: files by path,
 * `index.html` for any other path below `/console/` so the app's own routes survive a reload, nothing outside the
 * directory. Vite names its assets by content hash, so those are cached for a year; index.html is revalidated every
 * time, so a new build is picked up at the next load. Text files go gzip-compressed to browsers that accept it,
 * compressed once per file version and kept in memory (the whole console is a few hundred KB). When the console was not
 * built, `/console/` says how to build it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';

/** Where the console is served. */
export const CONSOLE_PATH = '/console';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

/** Adds the routes; `root` is the built console's directory. Routes under `/console/api/` are left to the API. */
export function addConsoleStatic(http: Hono, root: string): void {
  const files = new FileCache();
  const serve = async (requestPath: string, gzip: boolean): Promise<Response> => {
    const relative = decodeURIComponent(requestPath.slice(CONSOLE_PATH.length)).replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    // A path that climbs out of the directory never reaches the disk.
    const inside = file === root || file.startsWith(root + path.sep);
    if (inside && relative !== '' && (await isFile(file))) return files.response(file, relative.startsWith('assets/'), gzip);
    const index = path.join(root, 'index.html');
    if (await isFile(index)) return files.response(index, false, gzip);
    return new Response('The console is not built. Run `npm run build:console` (the start script does it), then reload.\n', {
      status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  };
  http.get(CONSOLE_PATH, (c) => c.redirect(`${CONSOLE_PATH}/`, 301));
  http.get(`${CONSOLE_PATH}/*`, async (c, next) => {
    const { pathname } = new URL(c.req.url);
    if (pathname.startsWith(`${CONSOLE_PATH}/api/`)) return next();
    return serve(pathname, /\bgzip\b/.test(c.req.header('accept-encoding') ?? ''));
  });
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

/** Types worth compressing. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.map']);

/** The files served, read (and compressed) once per version: a rebuild changes the modification time. */
class FileCache {
  private readonly entries = new Map<string, { mtimeMs: number; body: Uint8Array; gzipped: Uint8Array | undefined }>();

  async response(file: string, immutable: boolean, acceptsGzip: boolean): Promise<Response> {
    const entry = await this.entry(file);
    const headers: Record<string, string> = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    if (acceptsGzip && entry.gzipped) return new Response(entry.gzipped, { headers: { ...headers, 'content-encoding': 'gzip' } });
    return new Response(entry.body, { headers });
  }

  private async entry(file: string) {
    const { mtimeMs } = await stat(file);
    const cached = this.entries.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached;
    const body = new Uint8Array(await readFile(file));
    const gzipped = COMPRESSIBLE.has(path.extname(file)) ? new Uint8Array(gzipSync(body, { level: 9 })) : undefined;
    const entry = { mtimeMs, body, gzipped };
    this.entries.set(file, entry);
    return entry;
  }
}
