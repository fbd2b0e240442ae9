import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenStore } from './token-store.js';

const KEY = { directoryUrl: 'http://127.0.0.1:7070', username: 'bob' };

let home: string;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'ferry-tokens-'));
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('TokenStore', () => {
  it('keeps a token in sessions.json', async () => {
    const store = new TokenStore({ home });
    store.set(KEY, 'secret');
    expect(new TokenStore({ home }).get(KEY)).toBe('secret');
    const saved = await readFile(path.join(home, 'sessions.json'), 'utf8');
    expect(JSON.parse(saved)).toEqual({
      [`bob@${KEY.directoryUrl}`]: 'secret',
    });
  });

  it('warns once and goes on when sessions.json cannot be used', async () => {
    // Given sessions.json is a folder, which can be neither read nor replaced
    await mkdir(path.join(home, 'sessions.json', 'inside'), {
      recursive: true,
    });
    const warn = vi.fn<(message: string) => void>();
    const store = new TokenStore({ home, logger: { warn } });
    // When a command reads, saves and forgets a token
    expect(store.get(KEY)).toBeUndefined();
    store.set(KEY, 'secret');
    store.delete(KEY);
    // Then nothing throws, and one warning names the file and the fix
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain(path.join(home, 'sessions.json'));
    expect(warn.mock.calls[0]?.[0]).toMatch(/Remove or repair that file/);
  });

  it('a session that cannot be saved warns and is skipped', async () => {
    // Given a folder where the temporary file must go, so writing fails
    // while reading works (no sessions.json yet)
    const temp = path.join(home, `sessions.json.${process.pid}.tmp`);
    await mkdir(path.join(temp, 'inside'), { recursive: true });
    const warn = vi.fn<(message: string) => void>();
    const store = new TokenStore({ home, logger: { warn } });
    // When a token is saved twice
    store.set(KEY, 'secret');
    store.set(KEY, 'again');
    // Then one warning says so, names the file and the fix
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /^cannot save the session to .*sessions\.json .*the next command logs in again\. Make that folder writable/,
    );
    expect(store.get(KEY)).toBeUndefined();
  });
});
