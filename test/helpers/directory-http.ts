import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { FileEntry } from '@ferry/directory';

/** Sends one JSON request to a directory, with a bearer token if given. */
export async function send(
  url: string,
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  return fetch(`${url}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The JSON body of a successful response (the test fails otherwise). */
export async function ok(response: Response): Promise<unknown> {
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.status === 204 ? undefined : response.json();
}

/** Registers `username` (a 201) and logs in; returns the session token. */
export async function loggedIn(url: string, username: string): Promise<string> {
  const credentials = { username, password: 'correct horse' };
  expect((await send(url, 'POST', '/v1/users', credentials)).status).toBe(201);
  const { token } = (await ok(
    await send(url, 'POST', '/v1/sessions', credentials),
  )) as { token: string };
  return token;
}

/**
 * Registers `username`, logs in, announces a port and uploads `files`:
 * an online peer as search sees it. Returns the session token.
 */
export async function onlineWithFiles(
  url: string,
  username: string,
  files: FileEntry[],
): Promise<string> {
  const token = await loggedIn(url, username);
  await ok(await send(url, 'PUT', '/v1/peers/me', { port: 7001 }, token));
  await ok(await send(url, 'PUT', '/v1/peers/me/files', { files }, token));
  return token;
}

/** An index entry named `name` (its content hash taken from the name). */
export function namedFile(name: string, size = 1000): FileEntry {
  const sha256 = createHash('sha256').update(name).digest('hex');
  return {
    name,
    path: `music/${name}`,
    size,
    sha256,
    piecesRoot: sha256,
    mtimeMs: 1_700_000_000_000,
  };
}

/**
 * 130 names of 3 words and 13 characters (`track 000.EXT` …): one tie
 * larger than the 128 names a search reads of it.
 */
export const tiedTracks = (ext: string): FileEntry[] =>
  Array.from({ length: 130 }, (_, i) =>
    namedFile(`track ${String(i).padStart(3, '0')}.${ext}`),
  );
