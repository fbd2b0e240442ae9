import { formatCount } from './format-size.js';

/** "1 file", "2 files", "1,204 results": a count and its noun agreeing. */
export function countNoun(count: number, noun: string): string {
  return `${formatCount(count)} ${count === 1 ? noun : `${noun}s`}`;
}
