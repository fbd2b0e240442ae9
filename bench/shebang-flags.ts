import { readFileSync } from 'node:fs';

/**
 * The node flags a program's `#!/usr/bin/env -S node FLAGS` line passes,
 * so a benchmark runs code the way that program does.
 */
export function shebangFlags(bin: URL): string[] {
  const shebang = readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';
  return shebang.split(/\s+/).filter((word) => word.startsWith('--'));
}
