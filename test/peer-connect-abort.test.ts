import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectPeer,
  DirectoryClient,
  PeerError,
  PeerErrorCode,
  type Profile,
} from '@ferry/peer-core';
import { HOME_PROFILE } from './helpers/home-profile.js';
import { TempDirs } from './helpers/peer-temp.js';
import { useSilentDirectory } from './helpers/silent-directory.js';

const temp = new TempDirs();
const silentDirectory = useSilentDirectory();

afterEach(async () => {
  await temp.cleanup();
});

async function profileFor(directoryUrl: string): Promise<Profile> {
  return {
    ...HOME_PROFILE,
    directoryUrl,
    shareDir: await temp.make('ferry-share-'),
    downloadDir: await temp.make('ferry-downloads-'),
  };
}

describe('aborting connectPeer', () => {
  it.each([
    ['login', false],
    ['register', true],
  ])(
    'closes the connection of its %s request and rejects as cancelled',
    async (what, register) => {
      // Given a directory that accepts connections and never answers
      const directory = await silentDirectory();
      const controller = new AbortController();
      // And a start waiting on it
      const started = connectPeer(
        {
          profile: await profileFor(directory.url),
          password: 'a long enough password',
          register,
        },
        { home: await temp.make('ferry-home-'), signal: controller.signal },
      ).catch((error: unknown) => error);
      const socket = await directory.connected;
      const closed = once(socket, 'close');
      // When the start is aborted
      controller.abort();
      // Then it rejects as cancelled, not as an unreachable directory
      const error = await started;
      expect(error).toBeInstanceOf(PeerError);
      expect(error).toMatchObject({
        code: PeerErrorCode.Cancelled,
        message: `${what}: cancelled`,
      });
      // And the directory sees its connection closed
      await closed;
    },
  );
});

describe('DirectoryClient.abortPending', () => {
  it('rejects a login in flight as cancelled', async () => {
    // Given a login waiting on a directory that never answers
    const directory = await silentDirectory();
    const client = new DirectoryClient(directory.url, { retries: 0 });
    const login = client
      .login('bob', 'a long enough password')
      .catch((error: unknown) => error);
    await directory.connected;
    // When the calls in flight are aborted
    client.abortPending();
    // Then the login rejects as cancelled
    expect(await login).toMatchObject({
      code: PeerErrorCode.Cancelled,
      message: 'login: cancelled',
    });
  });
});
