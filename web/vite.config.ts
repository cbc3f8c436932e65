// Builds the console SPA into dist/console, which the server serves under /console/.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  base: '/console/',
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    // Print gzipped sizes so the first-load budget (300 KB) stays visible in every build.
    reportCompressedSize: true,
    target: 'es2022',
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API comes from a local `waihu serve`.
    proxy: { '/console/api': 'http://127.0.0.1:8080' },
  },
});
