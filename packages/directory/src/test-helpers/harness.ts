import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import type { FileEntry } from '../api/index.js';
import type { BuildAppOptions } from '../app.js';
import { buildApp } from '../app.js';
import type { App } from '../context.js';
import type { DirectoryStore } from '../store/store.js';

/** A cheap scrypt cost, so tests register and log in quickly. */
export const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

const GENEROUS = { points: 100_000, durationSeconds: 60 };

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public nowMs = 1_700_000_000_000) {}
  readonly now = (): number => this.nowMs;
  advance(ms: number): void {
    this.nowMs += ms;
  }
}

export interface Harness {
  app: App;
  clock: TestClock;
  dir: string;
  dbPath: string;
  /** Closes the app and builds a new one on the same database file. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A directory app on a SQLite file in a fresh temp folder. `openStore`, if
 * given, opens the store on that file instead of the app (and the harness
 * closes it).
 */
export async function makeHarness(
  options: Partial<BuildAppOptions> = {},
  openStore?: (dbPath: string) => DirectoryStore,
): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ferry-directory-'));
  const dbPath = path.join(dir, 'directory.sqlite');
  const store = openStore?.(dbPath);
  const clock = new TestClock();
  const build = () =>
    buildApp({
      dbPath,
      store,
      clock: clock.now,
      scrypt: FAST_SCRYPT,
      loginLimitPerIp: GENEROUS,
      loginLimitPerUser: GENEROUS,
      registerLimitPerIp: GENEROUS,
      ...options,
    });
  const harness: Harness = {
    app: build(),
    clock,
    dir,
    dbPath,
    async restart() {
      await harness.app.close();
      harness.app = build();
      await harness.app.ready();
    },
    async close() {
      await harness.app.close();
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await harness.app.ready();
  return harness;
}

/** The harness `useHarness` gives each test, and how to swap it. */
export interface TestHarness extends Omit<Harness, 'close'> {
  /** Closes this test's harness and makes one with these arguments. */
  rebuild(
    options: Partial<BuildAppOptions>,
    openStore?: (dbPath: string) => DirectoryStore,
  ): Promise<void>;
}

/**
 * Call once at a test file's top level: each test gets a fresh harness
 * (`makeHarness()`), closed after it, through the object returned.
 */
export function useHarness(): TestHarness {
  let current: Harness | undefined;
  const now = (): Harness => {
    if (current === undefined) throw new Error('no harness outside a test');
    return current;
  };
  beforeEach(async () => {
    current = await makeHarness();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get app() {
      return now().app;
    },
    get clock() {
      return now().clock;
    },
    get dir() {
      return now().dir;
    },
    get dbPath() {
      return now().dbPath;
    },
    restart: () => now().restart(),
    async rebuild(options, openStore) {
      await current?.close();
      current = undefined;
      current = await makeHarness(options, openStore);
    },
  };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request through `inject`. */
export async function call(
  app: App,
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: CallOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) {
    headers['authorization'] = `Bearer ${options.token}`;
  }
  return app.inject({
    method,
    url,
    headers,
    ...(options.body === undefined ? {} : { payload: options.body as object }),
  });
}

/** Registers and logs in; returns the token. */
export async function signUp(
  app: App,
  username: string,
  password = 'correct horse',
): Promise<string> {
  const created = await call(app, 'POST', '/v1/users', {
    body: { username, password },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const session = await call(app, 'POST', '/v1/sessions', {
    body: { username, password },
  });
  if (session.statusCode !== 201) throw new Error(session.body);
  return session.json<{ token: string }>().token;
}

/** Signs up, announces on `port` and uploads `files`. */
export async function onlinePeer(
  app: App,
  username: string,
  files: FileEntry[],
  port = 5000,
): Promise<string> {
  const token = await signUp(app, username);
  const announced = await call(app, 'PUT', '/v1/peers/me', {
    token,
    body: { host: '127.0.0.1', port },
  });
  if (announced.statusCode !== 200) throw new Error(announced.body);
  const uploaded = await call(app, 'PUT', '/v1/peers/me/files', {
    token,
    body: { files },
  });
  if (uploaded.statusCode !== 200) throw new Error(uploaded.body);
  return token;
}

/** The SHA-256 (hex) of a string: stand-in content hashes. */
export function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An index entry for content `content` shared as `name`. */
export function entry(
  name: string,
  content = name,
  extra: Partial<FileEntry> = {},
): FileEntry {
  return {
    name,
    path: `share/${name}`,
    size: content.length * 1000,
    sha256: sha(content),
    piecesRoot: sha(`pieces:${content}`),
    mtimeMs: 1_690_000_000_000,
    ...extra,
  };
}
