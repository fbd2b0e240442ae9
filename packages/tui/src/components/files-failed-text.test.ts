import { describe, expect, it } from 'vitest';
import { filesFailedText } from './files-failed-text.js';

describe('filesFailedText', () => {
  const search = { kind: 'search', query: 'waltz' } as const;

  it('tells to search again while the search box is closed', () => {
    expect(filesFailedText(search, 'directory unreachable', false)).toBe(
      'Failed: directory unreachable. / searches again.',
    );
  });

  it('says only what failed while the search box is open', () => {
    expect(filesFailedText(search, 'directory unreachable', true)).toBe(
      'Failed: directory unreachable.',
    );
  });
});
