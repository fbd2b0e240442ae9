import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningDirectory } from '@ferry/directory';
import { startDirectory } from '@ferry/directory';

let dir: string;
let directory: RunningDirectory;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferry-directory-auth-'));
  directory = await startDirectory({
    host: '127.0.0.1',
    port: 0,
    dbPath: path.join(dir, 'directory.sqlite'),
    logger: false,
  });
});
afterEach(async () => {
  await directory.close();
  rmSync(dir, { recursive: true, force: true });
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
