import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYMAP, keyLabel } from '@ferry/tui';
import { REPO_ROOT } from './helpers/programs.js';

/** The rows of the README's key table: [where, keys, what it does]. */
async function readmeKeyRows(): Promise<string[][]> {
  const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('| where');
  const table = readme.slice(start, readme.indexOf('\n\n', start));
  return table
    .split('\n')
    .slice(2)
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('the README key table', () => {
  it('is the keymap, row for row', async () => {
    const expected = KEYMAP.map((binding) => [
      binding.scope,
      binding.keys.map((key) => `\`${keyLabel(key)}\``).join(' '),
      binding.description,
    ]);
    expect(await readmeKeyRows()).toEqual(expected);
  });
});
