import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDirectory, type RunningDirectory } from '@ferry/directory';
import {
  connectPeer,
  openProfileStore,
  type LoginRequest,
  type PeerClient,
  type Profile,
} from '@ferry/peer-core';
import { App } from '@ferry/tui';
import {
  KEYS,
  press,
  renderApp,
  typeText,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';

const PASSWORD = 'correct horse battery';
const LOGIN_WAIT_MS = 45_000;

let root: string;
let directory: RunningDirectory | undefined;
let peers: PeerClient[];
let instance: InkInstance | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ferry-tui-real-'));
  peers = [];
});

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await Promise.allSettled(peers.map((peer) => peer.stop()));
  await directory?.close();
  directory = undefined;
  await rm(root, { recursive: true, force: true });
});

function profileOf(username: string, url: string): Profile {
  return {
    name: username,
    directoryUrl: url,
    username,
    shareDir: join(root, username, 'share'),
    downloadDir: join(root, username, 'downloads'),
    listen: '127.0.0.1:0',
  };
}

/** Starts a real peer sharing one file of random bytes; returns its hash. */
async function startSharingPeer(username: string, file: string) {
  const profile = profileOf(username, directory?.url ?? '');
  const content = randomBytes(3 * 1024 * 1024 + 17);
  await mkdir(profile.shareDir, { recursive: true });
  await writeFile(join(profile.shareDir, file), content);
  const peer = await connectPeer(
    { profile, password: PASSWORD, register: true },
    { home: join(root, username), settleMs: 0 },
  );
  peers.push(peer);
  return createHash('sha256').update(content).digest('hex');
}

/** The TUI over a real profile store holding `profile`, with real logins. */
async function startTui(profile: Profile): Promise<InkInstance> {
  const home = join(root, 'tui-home');
  const store = openProfileStore({ home });
  store.save(profile);
  const connect = async (request: LoginRequest) => {
    const peer = await connectPeer(request, { home });
    peers.push(peer);
    return peer;
  };
  instance = await renderApp(<App store={store} connect={connect} />);
  await waitForFrame(instance, (f) => f.includes(`${profile.username}@`));
  return instance;
}

async function logIn(app: InkInstance, password: string, register = false) {
  await press(app, KEYS.enter);
  await waitForFrame(app, (f) => f.includes('Password:'));
  await typeText(app, password);
  if (register) await press(app, KEYS.tab);
  await press(app, KEYS.enter);
}

describe(
  'ferry against a real directory and real peers',
  { timeout: 120_000 },
  () => {
    it('registers, searches, downloads a verified file and shows it done', async () => {
      // Given a directory and a peer sharing one file
      directory = await startDirectory({ dbPath: join(root, 'directory.db') });
      const sha256 = await startSharingPeer('alice', 'river survey.bin');
      const hank = profileOf('hank', directory.url);
      const app = await startTui(hank);
      // When hank registers from the login screen
      await logIn(app, PASSWORD, true);
      await waitForFrame(
        app,
        (f) => /alice\s+1\s+3\.1 MB/.test(f),
        LOGIN_WAIT_MS,
      );
      // And searches and downloads the file
      await press(app, '/');
      await typeText(app, 'survey');
      await press(app, KEYS.enter);
      await waitForFrame(app, (f) => f.includes('▸ river survey.bin'));
      await press(app, KEYS.enter);
      // Then Transfers shows it done and the bytes match
      await waitForFrame(
        app,
        (f) => /river survey\.bin.*100%.*done/.test(f),
        30_000,
      );
      // When c in Transfers clears the finished download
      await press(app, '3');
      await press(app, 'c');
      // Then the list is empty and the file stays, its bytes matching
      await waitForFrame(app, (f) => f.includes('No transfers yet'));
      const bytes = await readFile(join(hank.downloadDir, 'river survey.bin'));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    });

    it('shows a wrong password in place and lets the user try again', async () => {
      // Given hank has an account
      directory = await startDirectory({ dbPath: join(root, 'directory.db') });
      await startSharingPeer('hank', 'notes.txt');
      await peers[0]?.stop();
      const app = await startTui(profileOf('hank', directory.url));
      // When logging in with a wrong password
      await logIn(app, 'not the password');
      // Then the error shows under the prompt, which stays open
      const frame = await waitForFrame(
        app,
        (f) => f.includes('Wrong username or password.'),
        LOGIN_WAIT_MS,
      );
      expect(frame).toContain('Password:');
      expect(frame).not.toContain('1 Peers');
    });

    it('says a username is taken when registering it again', async () => {
      directory = await startDirectory({ dbPath: join(root, 'directory.db') });
      await startSharingPeer('alice', 'a.bin');
      const app = await startTui(profileOf('alice', directory.url));
      await logIn(app, 'another password', true);
      const frame = await waitForFrame(
        app,
        (f) => f.includes('Refused:'),
        LOGIN_WAIT_MS,
      );
      expect(frame.toLowerCase()).toContain('taken');
    });

    it('reports an unreachable directory and retries with Enter', async () => {
      // Given a profile whose directory is down
      const down = await startDirectory({ dbPath: join(root, 'directory.db') });
      const { port, url } = down;
      await down.close();
      const app = await startTui(profileOf('hank', url));
      await logIn(app, PASSWORD, true);
      await waitForFrame(
        app,
        (f) => f.includes(`Directory unreachable at ${url}. Enter retries.`),
        LOGIN_WAIT_MS,
      );
      // When the directory comes back on the same port and Enter is pressed
      directory = await startDirectory({
        dbPath: join(root, 'directory.db'),
        port,
      });
      await press(app, KEYS.enter);
      // Then the login goes through
      await waitForFrame(app, (f) => f.includes('1 Peers'), LOGIN_WAIT_MS);
    });
  },
);
