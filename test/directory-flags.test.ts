import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROGRAMS, REPO_ROOT, runProgramSync } from './helpers/programs.js';

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferry-directory-flags-'));
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const DIRECTORY_BIN = path.join(REPO_ROOT, PROGRAMS['ferry-directory']);
const AS_NOBODY =
  process.getuid?.() === 0
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
    : [];

/** Whether the program can run as a user for whom a 0444 file is read-only. */
function canRunWithoutWriteAccess(): boolean {
  const [command = '', ...args] = [
    ...AS_NOBODY,
    process.execPath,
    '-e',
    'require("fs").accessSync(process.argv[1])',
    DIRECTORY_BIN,
  ];
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runProgramSync('ferry-directory', args, { ...process.env, ...env });

/** A start-up failure: exit 1 and one line on stderr, no stack trace. */
function expectCannotStart(
  result: ReturnType<typeof run>,
  reason: RegExp,
): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^ferry-directory: cannot start: /);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
}

describe('ferry-directory flags and environment', () => {
  it.each([[''], [' 0x1F90 '], ['1.5'], ['-1'], ['65536']])(
    'refuses --port %j with exit 2',
    (port) => {
      const result = run(['--port', port, '--db', path.join(dir, 'd.db')]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("option '--port <port>'");
    },
  );

  it('refuses an empty database path from the flag or the environment', () => {
    const fromFlag = run(['--db', '']);
    expect(fromFlag.status).toBe(2);
    expect(fromFlag.stderr).toContain('must not be empty');
    const fromEnv = run([], { FERRY_DIRECTORY_DB: '' });
    expect(fromEnv.status).toBe(2);
    expect(fromEnv.stderr).toContain("from env 'FERRY_DIRECTORY_DB'");
  });

  it('refuses an empty listen address from the flag or the environment', () => {
    const db = path.join(dir, 'd.db');
    const fromFlag = run(['--host', '', '--port', '0', '--db', db]);
    expect(fromFlag.status).toBe(2);
    expect(fromFlag.stderr).toContain("option '--host <host>'");
    expect(fromFlag.stderr).toContain('must not be empty');
    const fromEnv = run(['--port', '0', '--db', db], {
      FERRY_DIRECTORY_HOST: '',
    });
    expect(fromEnv.status).toBe(2);
    expect(fromEnv.stderr).toContain("from env 'FERRY_DIRECTORY_HOST'");
  });

  it('refuses a FERRY_DIRECTORY_TRUST_PROXY that is not a yes or a no', () => {
    const result = run(['--db', path.join(dir, 'd.db')], {
      FERRY_DIRECTORY_TRUST_PROXY: 'maybe',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('FERRY_DIRECTORY_TRUST_PROXY');
  });

  it.each([
    ['false', false],
    ['0', false],
    ['', false],
    ['true', true],
    ['on', true],
  ])(
    'FERRY_DIRECTORY_TRUST_PROXY=%j trusts X-Forwarded-For: %s',
    async (value, trusted) => {
      // Given a directory that allows one registration per client IP
      const url = await startServer(
        ['--register-limit-ip', '1', '--db', path.join(dir, 'd.db')],
        { FERRY_DIRECTORY_TRUST_PROXY: value },
      );
      // When two registrations claim two different forwarded IPs
      const register = (username: string, forwardedFor: string) =>
        fetch(`${url}/v1/users`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': forwardedFor,
          },
          body: JSON.stringify({ username, password: 'password one' }),
        }).then((res) => res.status);
      expect(await register('first', '203.0.113.1')).toBe(201);
      // Then the second counts as a new IP only behind a trusted proxy
      expect(await register('second', '203.0.113.2')).toBe(trusted ? 201 : 429);
    },
  );

  it('says why it cannot open the database, in one line', () => {
    writeFileSync(path.join(dir, 'text.db'), 'not a database\n'.repeat(100));
    expectCannotStart(
      run(['--port', '0', '--db', path.join(dir, 'text.db')]),
      /text\.db: file is not a database/,
    );
    expectCannotStart(
      run(['--port', '0', '--db', dir]),
      /unable to open database file/,
    );
    expectCannotStart(
      run(['--port', '0', '--db', '/proc/ferry-no-such/d.db']),
      /ENOENT/,
    );
  });

  // Root may write any file: the check runs as nobody then, where nobody
  // can read the program (not from a checkout under /root).
  it.runIf(canRunWithoutWriteAccess())(
    'refuses a database file it may not write',
    () => {
      const file = path.join(dir, 'read-only.db');
      writeFileSync(file, '');
      chmodSync(file, 0o444);
      chmodSync(dir, 0o777);
      const [command = '', ...args] = [
        ...AS_NOBODY,
        process.execPath,
        DIRECTORY_BIN,
        '--port',
        '0',
        '--db',
        file,
      ];
      const result = spawnSync(command, args, {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 20_000,
      });
      expectCannotStart(
        { status: result.status, stdout: result.stdout, stderr: result.stderr },
        /read-only\.db is not writable/,
      );
    },
  );

  it('says the port is taken, in one line', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      expectCannotStart(
        run(['--port', String(port), '--db', path.join(dir, 'd.db')]),
        /EADDRINUSE/,
      );
    } finally {
      taken.close();
    }
  });
});

/** Starts `ferry-directory` with `args`; resolves with its URL. */
function startServer(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(
    process.execPath,
    [PROGRAMS['ferry-directory'], '--port', '0', ...args],
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: 'pipe' },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}
