import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// react-router's package exports point every condition at its development build (dev warnings
// included); the production build sits beside it. ~30 % smaller, and the shop pays for every kB.
const routerProd = join(dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist/production/index.mjs');

/**
 * One app, four surfaces (console, counter, shop, live), split by React.lazy in src/main.tsx:
 * the shop and live pages load antd-mobile only, the console and counter load antd.
 * Built into web/dist and served by the Fastify server (server/http/web.ts).
 */
export default defineConfig(({ mode }) => ({
  root,
  base: '/',
  publicDir: false,
  plugins: [react()],
  resolve: { alias: mode === 'production' ? [{ find: /^react-router$/, replacement: routerProd }] : [] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.LINLI_API ?? 'http://localhost:3000', changeOrigin: false },
      '/ws': { target: process.env.LINLI_API ?? 'http://localhost:3000', ws: true },
      '/media': { target: process.env.LINLI_API ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
}));
