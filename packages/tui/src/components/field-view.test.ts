import { describe, expect, it } from 'vitest';
import { fieldView } from './field-view.js';

const chars = (text: string) => [...text];

describe('fieldView', () => {
  it('shows short text whole, the cursor a space at its end', () => {
    expect(fieldView(chars('abc'), 3, 10)).toEqual({
      before: 'abc',
      at: ' ',
      after: '',
    });
  });

  it('cuts the start of long text typed at its end, never wider', () => {
    const view = fieldView(chars('abcdefghij'), 10, 6);
    expect(view).toEqual({ before: '…ghij', at: ' ', after: '' });
  });

  it('cuts the end when the cursor is at the start', () => {
    const view = fieldView(chars('abcdefghij'), 0, 6);
    expect(view).toEqual({ before: '', at: 'a', after: 'bcde…' });
  });

  it('counts wide characters as two columns', () => {
    const view = fieldView(chars('日本語のテキスト'), 8, 8);
    expect(view).toEqual({ before: '…キスト', at: ' ', after: '' });
  });
});
