import { defineProject } from 'vitest/config';

export default defineProject({
  // One copy of React and Ink for the TUI and ink-testing-library.
  resolve: { dedupe: ['react', 'ink'] },
  test: {
    name: 'e2e',
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
