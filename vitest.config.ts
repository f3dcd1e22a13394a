import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Test files share nothing global (each starts its own server and store), so one worker may run
    // several; on two cores this halves the suite's time.
    isolate: false,
  },
});
