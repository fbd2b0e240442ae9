import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPeerCli } from './helpers/peer-cli.js';
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

let directory: TestDirectory;
let bobEnv: NodeJS.ProcessEnv;
let serve: ServeProcess | undefined;
let sha256: string;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  const envs = await aliceAndBobEnvs(temp, directory.url, PASSWORD);
  bobEnv = { ...envs.bobEnv, FERRY_USER: 'bob' };
  const aliceEnv = { ...envs.aliceEnv, FERRY_USER: 'alice' };
  sha256 = await writeRandomFile(path.join(envs.aliceShare, 'small.bin'), 1e5);
  for (const env of [aliceEnv, bobEnv]) {
    expect((await runPeerCli(['register'], env)).status).toBe(0);
  }
  serve = spawnServe([], aliceEnv);
  await serve.serving();
  await waitFor(async () => {
    const found = await runPeerCli(['search', 'small', '--json'], bobEnv);
    return found.stdout.includes(sha256) ? true : undefined;
  }, 'alice to index small.bin');
});

afterAll(async () => {
  await stopServe(serve, 'SIGTERM');
  await directory.close();
  await temp.cleanup();
});

describe('ferry-peer get and grpc-js log lines', () => {
  it('writes them through its own logger, not as bare E lines', async () => {
    // Given a proxy setting grpc-js cannot use, which it logs as an error
    const env = { ...bobEnv, grpc_proxy: 'socks5://127.0.0.1:1' };
    // When bob downloads alice's file
    const out = await temp.make('ferry-out-');
    const result = await runPeerCli(['get', sha256, '--out', out], env);
    // Then the download works and grpc-js's line is one of the logger's
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${path.join(out, 'small.bin')}\n`);
    expect(result.stderr).not.toMatch(/^E /m);
    const lines = result.stderr.trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(
      expect.objectContaining({
        source: 'grpc-js',
        msg: '"socks5:" scheme not supported in proxy URI',
      }),
    );
  });
});
