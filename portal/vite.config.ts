import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the built portal goes; the API serves it from there (src/api/portal/serve-portal.ts). */
export const PORTAL_OUT_DIR = fileURLToPath(new URL('../dist/portal', import.meta.url));

// The API lives at the root (/campaigns, /units, …): the portal's pages are under /portal/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: PORTAL_OUT_DIR,
    emptyOutDir: true,
    // Ant Design is large; one vendor chunk keeps the app's own code small and cacheable.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite --config portal/vite.config.ts` for live editing, against `npm run dev`'s API.
    proxy: {
      '^/(campaigns|units|agencies|public|auth|health|index-sets|evidence|me|api-tokens|audit)':
        'http://127.0.0.1:3000',
    },
  },
});
