import { describe, expect, it } from 'vitest';
import { useTestDirectory } from './helpers/peer-directory.js';

const directory = useTestDirectory('ferry-dir-auth-');

const peers = (headers: Record<string, string>) =>
  fetch(`${directory.url}/v1/peers`, { headers });

describe('the Authorization header', () => {
  it.each([
    ['Basic YWxpY2U6cHc='],
    ['Bearer'],
    ['Bearer two words'],
    [`Bearer ${'t'.repeat(513)}`],
  ])('%j: a 401 saying the header is not a bearer token', async (value) => {
    // When the header is sent but holds no bearer token
    const response = await peers({ authorization: value });

    // Then the problem says what is wrong with it
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      code: 'UNAUTHORIZED',
      detail:
        'The Authorization header is not "Bearer <token>" with a token of 1 to 512 characters from A-Z a-z 0-9 . _ ~ + / = -.',
    });
  });
});
