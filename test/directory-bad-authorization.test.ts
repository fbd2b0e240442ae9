import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;

beforeEach(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-auth-'));
});
afterEach(async () => {
  await directory.close();
  await temp.cleanup();
});

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
