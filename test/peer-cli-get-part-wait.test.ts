import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exitOf,
  runPeerCli,
  spawnPeerCli,
  waitForJsonLine,
} from './helpers/peer-cli.js';
import { aliceAndBobEnvs } from './helpers/peer-cli-envs.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import {
  spawnServe,
  stopServe,
  type ServeProcess,
} from './helpers/peer-serve.js';
import { TempDirs, waitFor, writeRandomFile } from './helpers/peer-temp.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
/** Alice's upload cap: the file takes half a minute, so downloads overlap. */
const UPLOAD_RATE = 1_000_000;
const SIZE = 32 * 1024 * 1024;
const WAIT_NOTE =
  'waiting for another download of this file to release its .part';

let directory: TestDirectory;
let bobEnv: NodeJS.ProcessEnv;
let serve: ServeProcess | undefined;
let sha256: string;
const gets: ChildProcess[] = [];

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  const envs = await aliceAndBobEnvs(temp, directory.url, PASSWORD);
  bobEnv = { ...envs.bobEnv, FERRY_USER: 'bob' };
  const aliceEnv = { ...envs.aliceEnv, FERRY_USER: 'alice' };
  sha256 = await writeRandomFile(path.join(envs.aliceShare, 'big.bin'), SIZE);
  for (const env of [aliceEnv, bobEnv]) {
    expect((await runPeerCli(['register'], env)).status).toBe(0);
  }
  serve = spawnServe(['--upload-rate', String(UPLOAD_RATE)], aliceEnv);
  await serve.serving();
  await waitFor(async () => {
    const found = await runPeerCli(['search', 'big', '--json'], bobEnv);
    return found.stdout.includes(sha256) ? true : undefined;
  }, 'alice to index big.bin');
});

afterAll(async () => {
  for (const get of gets) get.kill('SIGKILL');
  await stopServe(serve, 'SIGTERM');
  await directory.close();
  await temp.cleanup();
});

/** `ferry-peer get` of big.bin into `out`, its stderr collected. */
function startGet(out: string, json: boolean) {
  const args = ['get', sha256, '--out', out, ...(json ? ['--json'] : [])];
  const child = spawnPeerCli(args, bobEnv);
  gets.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    get stderr() {
      return stderr;
    },
  };
}

describe('ferry-peer get while another download holds the .part', () => {
  it('says it waits for the lock, and SIGINT ends the wait at once', async () => {
    // Given a get under way into `out`
    const out = await temp.make('ferry-out-');
    const first = startGet(out, true);
    await waitForJsonLine(
      first.child.stdout!,
      (line) => line['event'] === 'progress' && Number(line['bytesDone']) > 0,
    );
    // When two more gets of the same file into the same folder start
    const second = startGet(out, true);
    const third = startGet(out, false);
    // Then each says why it waits: a progress line's note, or a line on stderr
    const waiting = await waitForJsonLine(
      second.child.stdout!,
      (line) => line['note'] !== undefined,
    );
    expect(waiting).toMatchObject({ state: 'connecting', note: WAIT_NOTE });
    await waitFor(
      () => (third.stderr.includes(WAIT_NOTE) ? true : undefined),
      'the plain get to say it waits',
    );
    expect(third.stderr).toBe(`ferry-peer: big.bin: ${WAIT_NOTE}\n`);
    // And once the first dies (its lock goes stale in 10 s), SIGINT ends
    // the waiting ones before that: neither takes the lock over
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    second.child.kill('SIGINT');
    third.child.kill('SIGINT');
    expect(await exitOf(second.child)).toBe(1);
    expect(await exitOf(third.child)).toBe(1);
    for (const { stderr } of [second, third]) {
      expect(stderr).toContain(
        'ferry-peer: interrupted; run the same command again to resume',
      );
    }
    expect(existsSync(path.join(out, 'big.bin.part.ferry.lock'))).toBe(true);
  });
});
