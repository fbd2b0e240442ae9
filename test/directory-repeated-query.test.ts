import { beforeEach, describe, expect, it } from 'vitest';
import { loggedIn } from './helpers/directory-http.js';
import { useTestDirectory } from './helpers/peer-directory.js';

const directory = useTestDirectory('ferry-dir-query-', 60_000, {
  scrypt: { N: 1024, r: 8, p: 1 },
});
let token: string;

beforeEach(async () => {
  token = await loggedIn(directory.url, 'alice');
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
