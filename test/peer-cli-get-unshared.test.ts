import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPeerCli } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
});

afterAll(async () => {
  await directory.close();
  await temp.cleanup();
});

describe('ferry-peer get for a file nobody shares', () => {
  it('says plainly that no online peer shares it and exits 1', async () => {
    const env = {
      FERRY_DIRECTORY: directory.url,
      FERRY_PASSWORD: 'a long enough password',
      FERRY_HOME: await temp.make('ferry-bob-'),
      FERRY_USER: 'bob',
    };
    expect((await runPeerCli(['register'], env)).status).toBe(0);
    const sha256 = 'ab'.repeat(32);
    const result = await runPeerCli(['get', sha256.toUpperCase()], env);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `ferry-peer: no online peer shares the file with SHA-256 ${sha256}\n`,
    );
  });
});
