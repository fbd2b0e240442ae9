import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROGRAMS, REPO_ROOT } from './helpers/programs.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

/** Starts `ferry-directory` on a free port; resolves with its URL. */
function startServer(
  dbPath: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [PROGRAMS['ferry-directory'], '--port', '0', '--db', dbPath],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function json(
  url: string,
  method: string,
  body?: unknown,
  token?: string,
) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as Record<string, unknown>,
  };
}

describe('ferry-directory process', () => {
  it('loses no acknowledged write when killed with SIGKILL mid-writes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ferry-dir-kill-'));
    dirs.push(dir);
    const dbPath = path.join(dir, 'directory.sqlite');
    const first = await startServer(dbPath);
    // Given a user whose index grows by one acknowledged PATCH at a time
    await json(`${first.url}/v1/users`, 'POST', {
      username: 'alice',
      password: 'password1',
    });
    const login = await json(`${first.url}/v1/sessions`, 'POST', {
      username: 'alice',
      password: 'password1',
    });
    const token = String(login.body['token']);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop && i < 100_000; i += 1) {
        const name = `file-${i}.bin`;
        const file = {
          name,
          path: name,
          size: i,
          sha256: sha(name),
          piecesRoot: sha(`p${i}`),
          mtimeMs: 1,
        };
        try {
          const res = await json(
            `${first.url}/v1/peers/me/files`,
            'PATCH',
            { add: [file], remove: [] },
            token,
          );
          if (res.status === 200) acknowledged.push(name);
        } catch {
          return; // the server died mid-request: that write was never acknowledged
        }
      }
    })();
    // When the process is killed while writes are in flight
    await new Promise((resolve) => setTimeout(resolve, 1500));
    first.child.kill('SIGKILL');
    stop = true;
    await writer;
    expect(acknowledged.length).toBeGreaterThan(10);
    // Then a new process on the same file has every acknowledged entry
    const second = await startServer(dbPath);
    const again = await json(`${second.url}/v1/sessions`, 'POST', {
      username: 'alice',
      password: 'password1',
    });
    const token2 = String(again.body['token']);
    const stored = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await json(
        `${second.url}/v1/peers/alice/files?limit=5000${cursor === null ? '' : `&cursor=${cursor}`}`,
        'GET',
        undefined,
        token2,
      );
      for (const f of page.body['files'] as { name: string }[])
        stored.add(f.name);
      cursor = page.body['nextCursor'] as string | null;
    } while (cursor !== null);
    const lost = acknowledged.filter((name) => !stored.has(name));
    expect(lost).toEqual([]);
  });

  it('exits 0 on SIGTERM after closing the database', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ferry-dir-term-'));
    dirs.push(dir);
    const { child, url } = await startServer(path.join(dir, 'd.sqlite'));
    expect((await json(`${url}/v1/health`, 'GET')).status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', resolve),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
