import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningDirectory } from '@ferry/directory';
import { startDirectory } from '@ferry/directory';

let dir: string;
let directory: RunningDirectory;
let token: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferry-directory-query-'));
  directory = await startDirectory({
    host: '127.0.0.1',
    port: 0,
    dbPath: path.join(dir, 'directory.sqlite'),
    scrypt: { N: 1024, r: 8, p: 1 },
    logger: false,
  });
  const credentials = JSON.stringify({
    username: 'alice',
    password: 'correct horse',
  });
  const headers = { 'content-type': 'application/json' };
  await fetch(`${directory.url}/v1/users`, {
    method: 'POST',
    headers,
    body: credentials,
  });
  const session = await fetch(`${directory.url}/v1/sessions`, {
    method: 'POST',
    headers,
    body: credentials,
  });
  token = ((await session.json()) as { token: string }).token;
});
afterEach(async () => {
  await directory.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a query parameter given twice', () => {
  it.each([
    ['/v1/search?q=blue&q=danube', 'q'],
    ['/v1/search?q=blue&limit=5&limit=5', 'limit'],
    ['/v1/peers?limit=1&limit=2', 'limit'],
  ])('%s is a 400 saying %s was given twice', async (route, name) => {
    // Given a logged-in user
    // When they send a query with one parameter twice
    const response = await fetch(`${directory.url}${route}`, {
      headers: { authorization: `Bearer ${token}` },
    });

    // Then the problem names the parameter and says why
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: `querystring/${name}: must be given once, not 2 times`,
      errors: [
        {
          in: 'querystring',
          pointer: `/${name}`,
          message: 'must be given once, not 2 times',
        },
      ],
    });
  });
});
