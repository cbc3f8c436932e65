/**
 * Serves the built console (`dist/console/`, made by `npm run build:console`) under `/console/`: files by path,
 * `index.html` for any other path below `/console/` so the app's own routes survive a reload, nothing outside the
 * directory. Vite names its assets by content hash, so those are cached for a year; index.html is revalidated every
 * time, so a new build is picked up at the next load. When the console was not built, `/console/` says how to build it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
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
  const serve = async (requestPath: string): Promise<Response> => {
    const relative = decodeURIComponent(requestPath.slice(CONSOLE_PATH.length)).replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    // A path that climbs out of the directory never reaches the disk.
    const inside = file === root || file.startsWith(root + path.sep);
    if (inside && relative !== '' && (await isFile(file))) return fileResponse(file, relative.startsWith('assets/'));
    const index = path.join(root, 'index.html');
    if (await isFile(index)) return fileResponse(index, false);
    return new Response('The console is not built. Run `npm run build:console` (the start script does it), then reload.\n', {
      status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  };
  http.get(CONSOLE_PATH, (c) => c.redirect(`${CONSOLE_PATH}/`, 301));
  http.get(`${CONSOLE_PATH}/*`, async (c, next) => {
    const { pathname } = new URL(c.req.url);
    if (pathname.startsWith(`${CONSOLE_PATH}/api/`)) return next();
    return serve(pathname);
  });
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

async function fileResponse(file: string, immutable: boolean): Promise<Response> {
  const body = await readFile(file);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
}
