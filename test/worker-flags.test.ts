import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNodeProgram } from './helpers/node-program.js';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
afterAll(() => temp.cleanup());

/** The node options in a program's `#!/usr/bin/env -S node …` line. */
function shebangNodeFlags(bin: string): string[] {
  const [first = ''] = readFileSync(join(REPO_ROOT, bin), 'utf8').split('\n');
  const words = first.replace(/^#!/, '').trim().split(/\s+/);
  return words.slice(words.indexOf('node') + 1);
}

/**
 * Hashes a share (hashing worker), serves it and downloads the file
 * (piece-writer worker) in one process, then prints both hashes.
 */
const PROGRAM = `
import { randomBytes, createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { download, openLocalDb, openShare, startPeerServer } from '@ferry/peer-core';
const root = process.argv[1];
await mkdir(root + '/share');
const bytes = randomBytes(3 * 1024 * 1024 + 7);
await writeFile(root + '/share/a.bin', bytes);
const db = openLocalDb(root + '/local.db');
const share = await openShare({ root: root + '/share', db });
await share.scan();
const server = await startPeerServer({ share, username: 'a', version: '0', listen: '127.0.0.1:0' });
const [file] = share.files();
const transfer = download({ sha256: file.sha256, piecesRoot: file.piecesRoot, size: file.size,
  sources: [{ host: '127.0.0.1', port: server.port }], dir: root, name: 'copy.bin' });
const path = await transfer.done;
const got = createHash('sha256').update(await readFile(path)).digest('hex');
console.log(createHash('sha256').update(bytes).digest('hex') + ' ' + got);
await server.close(100);
await share.close();
db.close();
`;

describe('worker threads under the programs’ node flags', () => {
  it.each([PROGRAMS.ferry, PROGRAMS['ferry-peer']])(
    'hashes and downloads with the flags of %s',
    async (bin) => {
      const root = await temp.make('ferry-flags-');
      const { code, stdout, stderr } = await runNodeProgram(PROGRAM, [root], {
        flags: shebangNodeFlags(bin),
      });
      expect(stderr).toBe('');
      const [sent, received] = stdout.trim().split(' ');
      expect(received).toMatch(/^[0-9a-f]{64}$/);
      expect(received).toBe(sent);
      expect(code).toBe(0);
    },
  );
});
