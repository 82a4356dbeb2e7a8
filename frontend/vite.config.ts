import { defineConfig } from 'vitest/config';

// The build lands in target/classes/static, so the module's jar carries the dashboard and the gateway serves it.
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/actuator': 'http://localhost:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
