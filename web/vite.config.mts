import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web application, built to web/dist and served by the Nest process (src/web/web-app.ts). JSX is compiled by
 * Vite's own transformer with React's automatic runtime, so no plugin is needed for the build.
 */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { port: 3107, proxy: { '/api': 'http://localhost:3000' } },
});
