import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const backend = 'http://localhost:3000';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json: the chunk graph, read by the bench's first-screen JavaScript figure (bench/bundle-size.ts).
    manifest: true,
  },
  server: {
    proxy: {
      // ws: the staff live feed, the chat and the hall's live notices are WebSockets under /api.
      '/api': { target: backend, changeOrigin: true, ws: true },
      '/healthz': { target: backend, changeOrigin: true },
    },
  },
});
