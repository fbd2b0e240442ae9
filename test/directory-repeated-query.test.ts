import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let token: string;

beforeEach(async () => {
  directory = await startTestDirectory(
    await temp.make('ferry-dir-query-'),
    60_000,
    { scrypt: { N: 1024, r: 8, p: 1 } },
  );
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
  await temp.cleanup();
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
