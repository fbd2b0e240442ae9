import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  sampleBinary,
  sampleBmp,
  sampleCsv,
  sampleSvg,
  sampleText,
} from './sample-content.js';

const MB = 1_000_000;

/** One sample peer's name and the files of its share, by file name. */
export interface SamplePeer {
  username: string;
  files: Record<string, Buffer | string>;
}

/**
 * Two sample peers with documents, pictures and binaries of varied sizes.
 * Two files have the same bytes at both peers (under different names for
 * one of them), so their downloads use two sources.
 */
export function samplePeers(): SamplePeer[] {
  const waltz = sampleBinary(16 * MB);
  const release = sampleBinary(24 * MB);
  return [
    {
      username: 'alice',
      files: {
        'Blue Danube Waltz.flac': waltz,
        'ferry-linux-x64.tar.gz': release,
        'quarterly report.md': sampleText('Quarterly report', 40),
        'passengers 2025.csv': sampleCsv(12),
        'harbour at dawn.bmp': sampleBmp(640, 480, 40),
        'ferry logo.svg': sampleSvg('ferry'),
        'river survey.bin': sampleBinary(4 * MB),
      },
    },
    {
      username: 'bob',
      files: {
        'danube-waltz.flac': waltz,
        'ferry-linux-x64.tar.gz': release,
        'meeting notes.txt': sampleText('Meeting notes', 12),
        'river crossing.bmp': sampleBmp(800, 600, 200),
        'timetable.csv': sampleCsv(6),
        'danube-live-1998.mp3': sampleBinary(6 * MB),
      },
    },
  ];
}

/** Writes a sample peer's files into `folder`. */
export async function writeShare(
  peer: SamplePeer,
  folder: string,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [name, content] of Object.entries(peer.files)) {
    await writeFile(join(folder, name), content);
  }
}
