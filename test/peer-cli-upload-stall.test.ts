import { constants } from 'node:http2';
import path from 'node:path';
import { PeerConnection, PIECE_SIZE } from '@ferry/peer-core';
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
import {
  pausedDownload,
  rawHttp2Session,
} from './helpers/raw-http2-download.js';

const temp = new TempDirs();
const closers: (() => void)[] = [];
let directory: TestDirectory;
let env: NodeJS.ProcessEnv;
let serve: ServeProcess | undefined;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  env = await registeredUserEnv(
    'alice',
    directory.url,
    'a long enough password',
    await temp.make('ferry-alice-'),
  );
});

afterAll(async () => {
  for (const close of closers.splice(0)) close();
  await stopServe(serve, 'SIGTERM');
  await directory.close();
  await temp.cleanup();
});

/** The port in serve's "serving" log line ("127.0.0.1:PORT"). */
async function servingPort(process: ServeProcess): Promise<number> {
  const { address } = (await process.serving()) as { address: string };
  return Number(address.slice(address.lastIndexOf(':') + 1));
}

describe('ferry-peer serve --upload-stall', () => {
  it.each(['0', '3601', '1.5', 'soon'])(
    'refuses %s as a number of seconds',
    async (seconds) => {
      // When alice serves with a stall timeout that is not 1..3600 seconds
      const result = await runPeerCli(
        ['serve', '--upload-stall', seconds],
        env,
      );
      // Then it says what it expects, and does not serve
      expect(result.stderr).toContain(
        `option '--upload-stall <seconds>' argument '${seconds}' is invalid. expected an integer from 1 to 3600`,
      );
      expect(result.status).not.toBe(0);
    },
  );

  it(
    'resets an upload whose downloader takes no data for that long',
    {
      timeout: 30_000,
    },
    async () => {
      // Given alice serving a big file, with a stall timeout of 1 s and an
      // upload cap so the file is never sent whole at once
      const share = await temp.make('ferry-share-');
      const file = path.join(share, 'big.bin');
      const sha256 = await writeRandomFile(file, 30 * PIECE_SIZE);
      serve = spawnServe(
        ['--share', share, '--upload-stall', '1', '--upload-rate', '3000000'],
        env,
      );
      const port = await servingPort(serve);
      const connection = new PeerConnection({ host: '127.0.0.1', port });
      closers.push(() => connection.close());
      await waitFor(
        () => connection.getManifest(sha256).catch(() => undefined),
        'big.bin to be shared',
      );
      // When a downloader asks for all of it and never reads
      const session = rawHttp2Session(port);
      closers.push(() => session.destroy());
      const stream = pausedDownload(session, {
        sha256,
        offset: 0,
        length: 30 * PIECE_SIZE,
      });
      // Then serve resets the stream (the default would wait 60 s)
      const rstCode = await new Promise<number | undefined>((resolve) =>
        stream.on('close', () => resolve(stream.rstCode)),
      );
      expect(rstCode).toBe(constants.NGHTTP2_CANCEL);
    },
  );
});
