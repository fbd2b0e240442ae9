import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredUserEnv, runPeerCli } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
const PASSWORD = 'a long enough password';
let directory: TestDirectory;
let env: NodeJS.ProcessEnv & { FERRY_HOME: string };

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'));
  const home = await temp.make('ferry-bob-');
  env = {
    ...(await registeredUserEnv('bob', directory.url, PASSWORD, home)),
    FERRY_HOME: home,
  };
});

afterAll(async () => {
  await directory.close();
  await temp.cleanup();
});

function sessionsFile(): string {
  return path.join(env.FERRY_HOME, 'sessions.json');
}

/** The token saved for bob, once `sessions.json` is a JSON object. */
async function savedToken(): Promise<unknown> {
  const saved = JSON.parse(await readFile(sessionsFile(), 'utf8')) as Record<
    string,
    unknown
  >;
  return saved[`bob@${directory.url}`];
}

describe('ferry-peer with a damaged sessions.json', () => {
  it('a token that is not a header value: says the session is damaged, logs in again and replaces it', async () => {
    // Given bob's saved token holds a newline and a non-ASCII character
    await writeFile(
      sessionsFile(),
      JSON.stringify({ [`bob@${directory.url}`]: 'tök\nen' }),
    );
    // When bob lists the peers
    const result = await runPeerCli(['peers'], env);
    // Then the list comes, one line says the session is damaged and to log
    // in again, and the login saved a usable token in its place
    expect(result.stderr).not.toMatch(/unreachable|ERR_INVALID_CHAR/);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `ferry-peer: warning: the saved session of bob at ${directory.url} in ` +
        `${sessionsFile()} is damaged (not a token) and cannot be used: ` +
        'log in again (the next login replaces it).',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('USER');
    expect(await savedToken()).toMatch(/^[A-Za-z0-9_-]+$/);
    // And the next command uses that session without a word
    const again = await runPeerCli(['peers'], env);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
  });

  it('logout with a damaged token: says so and removes the entry', async () => {
    // Given bob's saved token is damaged
    await writeFile(
      sessionsFile(),
      JSON.stringify({ [`bob@${directory.url}`]: 'tök\nen' }),
    );
    // When bob logs out
    const result = await runPeerCli(['logout'], env);
    // Then it says in one line that there was no session and it removed the
    // damaged entry, with no warning to log in again
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `no saved session for bob; removed its damaged entry from ${sessionsFile()}\n`,
    );
    expect(await savedToken()).toBeUndefined();
    // And the next logout has nothing to warn about or remove
    const again = await runPeerCli(['logout'], env);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe('no saved session for bob\n');
  });

  it('logout with a file that is not JSON: empties the file and says so', async () => {
    // Given sessions.json was cut short
    await writeFile(sessionsFile(), '{"bob@http');
    // When bob logs out
    const result = await runPeerCli(['logout'], env);
    // Then one line says there was no session and the damaged file was
    // emptied, with no warning to log in again
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `no saved session for bob; emptied the damaged ${sessionsFile()} ` +
        '(not a JSON object)\n',
    );
    expect(JSON.parse(await readFile(sessionsFile(), 'utf8'))).toEqual({});
    // And the next logout has nothing to warn about or remove
    const again = await runPeerCli(['logout'], env);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe('no saved session for bob\n');
  });

  it('a file that is not JSON: says so, logs in again and replaces the file', async () => {
    // Given sessions.json was cut short
    await writeFile(sessionsFile(), '{"bob@http');
    // When bob lists the peers
    const result = await runPeerCli(['peers'], env);
    // Then the list comes, one line says the file is damaged, and the
    // login wrote a whole file with his token
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `ferry-peer: warning: the saved sessions in ${sessionsFile()} are ` +
        'damaged (not a JSON object) and cannot be used: log in again ' +
        '(the next login replaces the file).',
    ]);
    expect(result.status).toBe(0);
    expect(await savedToken()).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
