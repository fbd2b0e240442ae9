import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileEntry } from '@ferry/directory';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;

beforeEach(async () => {
  directory = await startTestDirectory(
    await temp.make('ferry-dir-ties-'),
    60_000,
    { scrypt: { N: 1024, r: 8, p: 1 } },
  );
});
afterEach(async () => {
  await directory.close();
  await temp.cleanup();
});

async function send(
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  return fetch(`${directory.url}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function ok(response: Response): Promise<unknown> {
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.status === 204 ? undefined : response.json();
}

/** Registers, logs in, announces and uploads `files`; returns the token. */
async function online(username: string, files: FileEntry[]): Promise<string> {
  const credentials = { username, password: 'correct horse' };
  await ok(await send('POST', '/v1/users', credentials));
  const { token } = (await ok(
    await send('POST', '/v1/sessions', credentials),
  )) as { token: string };
  await ok(await send('PUT', '/v1/peers/me', { port: 7001 }, token));
  await ok(await send('PUT', '/v1/peers/me/files', { files }, token));
  return token;
}

/** A file named `name` (its content hash taken from the name). */
function file(name: string): FileEntry {
  const sha256 = createHash('sha256').update(name).digest('hex');
  return {
    name,
    path: `music/${name}`,
    size: 1000,
    sha256,
    piecesRoot: sha256,
    mtimeMs: 1_700_000_000_000,
  };
}

/** 130 names of 3 words and 13 characters: one large tie. */
const tracks = (ext: string) =>
  Array.from({ length: 130 }, (_, i) =>
    file(`track ${String(i).padStart(3, '0')}.${ext}`),
  );

async function searchNames(query: string, token: string): Promise<string[]> {
  const found = (await ok(
    await send('GET', `/v1/search?${query}`, undefined, token),
  )) as { results: { name: string }[] };
  return found.results.map((result) => result.name);
}

describe('search over a large tie of equally long names', () => {
  it('finds an online file past names held only by offline peers', async () => {
    // Given bob shared 130 tied names and logged out (offline)
    const bob = await online('bob', tracks('mp3'));
    await ok(await send('DELETE', '/v1/sessions/current', undefined, bob));
    // And alice, online, shares one more name of the same tie
    const alice = await online('alice', [file('track 999.mp3')]);

    // When alice searches for it by its first word
    const names = await searchNames('q=track', alice);

    // Then her online file is found
    expect(names).toEqual(['track 999.mp3']);
  });

  it('finds the one file of an extension past a tie of another one', async () => {
    // Given 130 tied mp3 names and one wav name of the same tie, all online
    const carol = await online('carol', tracks('mp3'));
    await online('dave', [file('track 500.wav')]);

    // When carol searches for the word, only .wav files
    const names = await searchNames('q=track&ext=wav', carol);

    // Then the wav file is found
    expect(names).toEqual(['track 500.wav']);
  });
});
