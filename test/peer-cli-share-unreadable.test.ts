import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredUserEnv, runPeerCli } from './helpers/peer-cli.js';
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
import { handOver, unprivilegedUser } from './helpers/unprivileged.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
/** Permissions bind this user (root ignores them): nobody when run as root. */
const user = await unprivilegedUser();
let directory: TestDirectory;
let serve: ServeProcess | undefined;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
});

afterAll(async () => {
  await stopServe(serve, 'SIGTERM');
  await directory.close();
  await temp.cleanup();
});

/** What `serve` logged about its share: each line's reason, or message. */
function shareLog(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; reason?: string })
    .filter((line) => line.msg === 'share' || line.msg.includes('unreadable'))
    .map((line) => line.reason ?? line.msg);
}

describe('ferry-peer serve of a folder it may not read', () => {
  it.skipIf(user === undefined)(
    'warns once that it cannot be read, once that it can again, then offers its files',
    async () => {
      // Given alice's home and share, hers to write
      const home = await temp.make('ferry-alice-');
      const share = path.join(home, 'share');
      const sha256 = await writeRandomFile(path.join(share, 'notes.txt'), 1000);
      const env = await registeredUserEnv(
        'alice',
        directory.url,
        PASSWORD,
        home,
      );
      await handOver(user ?? {}, home);
      // When she serves it while she may not read it, for a few of the
      // watcher's one-second retries
      await chmod(share, 0o000);
      try {
        serve = spawnServe(['--share', share], env, user);
        await serve.saw('cannot be read');
        await sleep(3_000);
      } finally {
        await chmod(share, 0o755);
      }
      // Then once she may read it she says so and offers its file
      await serve.saw('can be read again');
      const bobEnv = await registeredUserEnv(
        'bob',
        directory.url,
        PASSWORD,
        await temp.make('ferry-bob-'),
      );
      await waitFor(async () => {
        const found = await runPeerCli(['search', 'notes', '--json'], bobEnv);
        return found.stdout.includes(sha256) ? true : undefined;
      }, 'notes.txt to be offered');
      // And the log said each of the two things once, and nothing else
      expect(shareLog(serve.stderr)).toEqual([
        `the shared folder ${share} cannot be read (EACCES: permission denied, opendir '${share}'); its files are no longer offered until it can be`,
        `the shared folder ${share} can be read again; its files are offered again`,
      ]);
    },
  );
});
