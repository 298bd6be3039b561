import { defineConfig } from 'vitest/config';

// The CLI tests run real builds (and Chromium); on a 2-core machine running the other
// packages' tests at the same time, some take longer than vitest's 5 s default.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
