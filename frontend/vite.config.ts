import { defineConfig } from 'vitest/config';

// The build lands in target/classes/static, so the module's jar carries the dashboard and the gateway serves it.
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // Two pages: the dashboard, and the overlay that OBS loads (kept apart: it carries no dashboard code).
    rollupOptions: {
      input: { dashboard: 'index.html', overlay: 'overlay.html' },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/actuator': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
