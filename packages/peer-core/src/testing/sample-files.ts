import { createHash } from 'node:crypto';
import type { SharedFileEntry } from '../peer/peer-client.js';

const WORDS = [
  'danube',
  'waltz',
  'report',
  'holiday',
  'river',
  'budget',
  'concert',
  'lecture',
  'notes',
  'archive',
  'photo',
  'summer',
  'winter',
  'backup',
];
const EXTENSIONS = ['mp3', 'flac', 'pdf', 'jpg', 'mkv', 'zip', 'txt'];

/** A hex SHA-256 standing for the content of a sample file. */
export function fakeHash(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** One share entry whose content hash derives from `contentSeed`. */
export function sampleFile(
  name: string,
  size: number,
  contentSeed: string = name,
): SharedFileEntry {
  const sha256 = fakeHash(`${contentSeed}:${size}`);
  return {
    name,
    path: name,
    size,
    sha256,
    piecesRoot: fakeHash(`root:${sha256}`),
    mtimeMs: 0,
  };
}

/**
 * `count` distinct files with varied names and sizes, deterministic for a
 * given `prefix`, so lists of any length can be built for tests and benches.
 */
export function sampleFiles(count: number, prefix = 'file'): SharedFileEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const word = WORDS[index % WORDS.length] ?? 'file';
    const ext = EXTENSIONS[index % EXTENSIONS.length] ?? 'bin';
    const size = 1_000 + ((index * 7_919) % 50_000_000);
    return sampleFile(`${prefix}-${word}-${index}.${ext}`, size);
  });
}
