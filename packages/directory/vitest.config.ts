import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'directory',
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
