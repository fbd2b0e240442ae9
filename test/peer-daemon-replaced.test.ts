import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ConnectionState, connectPeer, type Peer } from '@ferry/peer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredUserEnv } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { FAST_TIMING, waitForConnection } from './helpers/peer-network.js';
import {
  spawnServe,
  stopServe,
  type ServeProcess,
} from './helpers/peer-serve.js';
import { TempDirs, waitFor } from './helpers/peer-temp.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
/** A short TTL, so `serve` heartbeats every second. */
const PEER_TTL_MS = 3000;
let directory: TestDirectory;
let serve: ServeProcess | undefined;
let elsewhere: Peer | undefined;

beforeAll(async () => {
  directory = await startTestDirectory(
    await temp.make('ferry-dir-'),
    PEER_TTL_MS,
  );
});

afterAll(async () => {
  await stopServe(serve, 'SIGKILL');
  await elsewhere?.stop();
  await directory.close();
  await temp.cleanup();
});

describe('serve when its account goes online elsewhere', () => {
  it('stops cleanly and exits 3, saying why', async () => {
    // Given alice serving from one place
    const home = await temp.make('ferry-alice-');
    const env = await registeredUserEnv('alice', directory.url, PASSWORD, home);
    serve = spawnServe(['--listen', '127.0.0.1:0'], env);
    await serve.serving();

    // When alice goes online from another place
    const otherHome = await temp.make('ferry-alice-elsewhere-');
    const shareDir = path.join(otherHome, 'share');
    await mkdir(shareDir);
    elsewhere = await connectPeer(
      {
        profile: {
          name: 'elsewhere',
          directoryUrl: directory.url,
          username: 'alice',
          shareDir,
          downloadDir: path.join(otherHome, 'downloads'),
          listen: '127.0.0.1:0',
        },
        password: PASSWORD,
      },
      { home: otherHome, ...FAST_TIMING },
    );

    // Then the first serve stops by itself with exit code 3
    const { child } = serve;
    const code = await waitFor(
      () => child.exitCode ?? undefined,
      'the first serve to exit',
    );
    expect(code).toBe(3);
    expect(serve.stderr).toMatch(
      /"msg":"this account went online elsewhere; stopping"/,
    );
    expect(serve.stderr).toMatch(/"msg":"stopped"/);
    // And the other place stays online
    await waitForConnection(
      elsewhere,
      ConnectionState.Online,
      'the other place online',
    );
  });
});
