import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredUserEnv, runPeerCli } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let env: NodeJS.ProcessEnv;
let holder: Server;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  env = await registeredUserEnv(
    'bob',
    directory.url,
    'a long enough password',
    await temp.make('ferry-bob-'),
  );
  holder = createServer();
  await new Promise<void>((resolve) =>
    holder.listen(0, '127.0.0.1', () => resolve()),
  );
});

afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  await directory.close();
  await temp.cleanup();
});

describe('ferry-peer serve on an address already in use', () => {
  it('says so in one line and exits 1, with no grpc-js log line', async () => {
    // Given another program listens on the port serve is told to use
    const { port } = holder.address() as AddressInfo;
    const listen = `127.0.0.1:${port}`;
    // When bob serves there
    const result = await runPeerCli(['serve', '--listen', listen], env);
    // Then one line names the address and the reason, and serve failed
    expect(result.stderr).toBe(
      `ferry-peer: cannot listen on ${listen}: address already in use (EADDRINUSE)\n`,
    );
    expect(result.status).toBe(1);
  });
});
