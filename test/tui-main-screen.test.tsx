import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransferState } from '@ferry/peer-core';
import {
  FakePeerClient,
  sampleFile,
  sampleFiles,
} from '@ferry/peer-core/testing';
import {
  KEYS,
  press,
  typeText,
  waitForFrame,
  type InkInstance,
} from './helpers/ink.js';
import { renderMainScreen } from './helpers/main-screen.js';

const waltz = sampleFile('Blue Danube Waltz.flac', 48_200_000);
let instance: InkInstance | undefined;
let client: FakePeerClient;

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await client.stop();
});

function network(extra: { tickMs?: number } = {}): FakePeerClient {
  return new FakePeerClient({
    username: 'hank',
    tickMs: extra.tickMs ?? 0,
    peers: [
      { username: 'alice', files: [waltz, ...sampleFiles(20, 'alice')] },
      {
        username: 'bob',
        files: [{ ...waltz, name: 'danube.flac' }, sampleFile('b.txt', 5)],
      },
    ],
    ownFiles: [sampleFile('my-notes.txt', 1_234)],
  });
}

async function start(peer: FakePeerClient): Promise<InkInstance> {
  client = peer;
  instance = await renderMainScreen(peer);
  return instance;
}

describe('ferry main screen', () => {
  it('shows the status bar and the online peers', async () => {
    const app = await start(network());
    const frame = await waitForFrame(app, (f) => f.includes('Peers'));
    expect(frame).toContain('hank@127.0.0.1:7070');
    expect(frame).toContain('● online');
    expect(frame).toMatch(/alice\s+21\s+49\.7 MB/);
    expect(frame).toMatch(/bob\s+2\s+48\.2 MB/);
  });

  it('searches, puts the cursor on the first result, and downloads it', async () => {
    const app = await start(network());
    // Given the search box opened from the Peers pane
    await press(app, '/');
    // When typing a query (its letters must not act as keys) and Enter
    await typeText(app, 'danube jq');
    await press(app, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await press(app, KEYS.enter);
    // Then the results show name, size and sources, cursor on the first
    const results = await waitForFrame(app, (f) => f.includes('3 results'));
    expect(results).toMatch(/▸ Blue Danube Waltz\.flac\s+48\.2 MB\s+2/);
    // When Enter is pressed on it, a download appears in Transfers
    await press(app, KEYS.enter);
    const frame = await waitForFrame(app, (f) => f.includes('queued'));
    expect(frame).toMatch(/↓ Blue Danube Waltz\.flac.*0%.*2 src queued/);
    expect(client.snapshot().transfers).toHaveLength(1);
  });

  it('opens the search box empty for a new search, ↑ bringing back the last', async () => {
    const app = await start(network());
    // Given a search for danube done
    await press(app, '/');
    await typeText(app, 'danube');
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('search: danube · 3 results'));
    // When the box is opened again and a new word typed
    await press(app, '/');
    await waitForFrame(app, (f) => f.includes('↑ last search'));
    await typeText(app, 'b.txt');
    await press(app, KEYS.enter);
    // Then that word alone is searched
    await waitForFrame(app, (f) => f.includes('search: b.txt · 1 result'));
    // When it is opened again and ↑ pressed, the last search comes back
    await press(app, '/');
    await waitForFrame(app, (f) => f.includes('↑ last search'));
    await press(app, KEYS.up);
    await typeText(app, ' zz');
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) => f.includes('search: b.txt zz · 0 results'));
  });

  it('shows the search box’s keys in the footer while it is open', async () => {
    const app = await start(network());
    // When the search box is opened
    await press(app, '/');
    const frame = await waitForFrame(app, (f) => f.includes('Enter to search'));
    // Then the footer names its keys, not the main screen's (q types a q)
    const footer = frame.split('\n').at(-1) ?? '';
    expect(footer).toContain('⏎ search  ↑ last  Esc close');
    expect(footer).not.toContain('quit');
  });

  it('says when a search finds nothing', async () => {
    const app = await start(network());
    await press(app, '/');
    await typeText(app, 'zzz');
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) =>
      f.includes('No file on an online peer matches "zzz".'),
    );
  });

  it('closes the search box on Enter with nothing typed, searching nothing', async () => {
    const app = await start(network());
    // Given the search box, open and empty
    await press(app, '/');
    await waitForFrame(app, (f) => f.includes('Enter to search'));
    // When Enter is pressed with only spaces typed
    await typeText(app, '  ');
    await press(app, KEYS.enter);
    // Then the box closes and the Files pane still lists nothing
    const frame = await waitForFrame(
      app,
      (f) => !f.includes('Enter to search'),
    );
    expect(frame).toContain('2 Files ');
    expect(frame).not.toContain('search:');
  });

  it('browses a peer with Enter and goes back with Esc', async () => {
    const app = await start(network());
    await press(app, 'j', KEYS.enter);
    const frame = await waitForFrame(app, (f) => f.includes("bob's share"));
    expect(frame).toContain('danube.flac');
    expect(frame).toContain('b.txt');
    await press(app, KEYS.esc, KEYS.enter);
    await waitForFrame(app, (f) => f.includes("bob's share · 2 files"));
  });

  it('shows our own share with o and refuses to download from it', async () => {
    const app = await start(network());
    await press(app, 'o');
    await waitForFrame(app, (f) => f.includes('your share · 1 file'));
    await press(app, KEYS.enter);
    await waitForFrame(app, (f) =>
      f.includes('That file is in your own share'),
    );
    expect(client.snapshot().transfers).toHaveLength(0);
  });

  it.each([
    ['Tab', [KEYS.tab], '2 Files'],
    ['Tab Tab', [KEYS.tab, KEYS.tab], '3 Transfers'],
    ['Shift+Tab', [KEYS.shiftTab], '3 Transfers'],
    ['3', ['3'], '3 Transfers'],
    ['2', ['2'], '2 Files'],
  ])('%s moves the focus to %s', async (_name, keys, pane) => {
    const app = await start(network());
    await press(app, ...keys);
    const frame = await waitForFrame(app, (f) => f.includes('Peers'));
    const hints = frame.split('\n').at(-1) ?? '';
    const expected = pane === '2 Files' ? '⏎ download' : 'p pause';
    expect(hints).toContain(expected);
  });

  it('pauses, resumes, cancels and retries a transfer from the keyboard', async () => {
    const app = await start(network());
    const id = client.download(waltz);
    await waitForFrame(app, (f) => f.includes('queued'));
    await press(app, '3', 'p');
    await waitForFrame(app, (f) => f.includes('paused'));
    await press(app, 'p');
    await waitForFrame(app, (f) => f.includes('queued'));
    await press(app, 'x');
    await waitForFrame(app, (f) => f.includes('cancelled'));
    client.fail(id, 'every source failed');
    await waitForFrame(app, (f) => f.includes('every source failed'));
    await press(app, 'r');
    await waitForFrame(app, (f) => f.includes('queued'));
    expect(client.snapshot().transfers[0]?.state).toBe(TransferState.Queued);
  });

  it('draws progress, speed and ETA as the transfer moves', async () => {
    const app = await start(network());
    client.download(waltz);
    client.tick(2);
    const frame = await waitForFrame(app, (f) => f.includes('downloading'));
    expect(frame).toMatch(/16%\s+4 MB\/s\s+0:11\s+2 src downloading/);
    expect(frame).toContain('↓ 4 MB/s');
  });

  it('opens the help overlay from the keymap with ? and closes it with Esc', async () => {
    const app = await start(network());
    await press(app, '?');
    const help = await waitForFrame(app, (f) => f.includes('Keys'));
    expect(help).toMatch(/Tab\s+next pane/);
    // Taller than the 24-row screen: G scrolls it to its last lines
    await press(app, 'G');
    const end = await waitForFrame(app, (f) => /x d\s+cancel/.test(f));
    expect(end).toMatch(/g Home\s+first row/);
    await press(app, KEYS.esc);
    await waitForFrame(app, (f) => f.includes('1 Peers'));
  });

  it('asks before quitting while a transfer runs, then stops the peer', async () => {
    const app = await start(network());
    const stop = vi.spyOn(client, 'stop');
    client.download(waltz);
    await waitForFrame(app, (f) => f.includes('queued'));
    await press(app, 'q');
    await waitForFrame(app, (f) => f.includes('Quit anyway? (y/n)'));
    await press(app, 'n');
    await waitForFrame(app, (f) => f.includes('3 Transfers'));
    expect(stop).not.toHaveBeenCalled();
    await press(app, 'q', 'y');
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });

  it('quits at once on Ctrl+C, even while typing a search', async () => {
    const app = await start(network());
    const stop = vi.spyOn(client, 'stop');
    await press(app, '/');
    await typeText(app, 'abc');
    await press(app, KEYS.ctrlC);
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });

  it('shows names with control and escape characters safely', async () => {
    const hostile = sampleFile('evil\u001b[2J\u0007name.txt', 10);
    const app = await start(
      new FakePeerClient({
        tickMs: 0,
        peers: [{ username: 'mal\u001b]0;x\u0007lory', files: [hostile] }],
      }),
    );
    await press(app, KEYS.enter);
    const frame = await waitForFrame(app, (f) => f.includes('name.txt'));
    expect(frame).toContain('evil\uFFFD[2J\uFFFDname.txt');
    expect(frame).toContain('mal\uFFFD]0;x\uFFFDlory');
    expect(frame).not.toContain('\u0007');
    expect(frame).not.toContain('\u001b[2J');
  });

  it('windows ten thousand rows: draws only what fits, G reaches the last', async () => {
    // Given a peer sharing ten thousand files, browsed
    const files = sampleFiles(10_000, 'big');
    const app = await start(
      new FakePeerClient({ tickMs: 0, peers: [{ username: 'big', files }] }),
    );
    await press(app, KEYS.enter);
    const first = await waitForFrame(app, (f) => f.includes('10,000 files'));
    // Then only the rows that fit are drawn
    expect(first).toContain(files[0]?.name);
    expect(first).not.toContain(files[100]?.name);
    expect(first.split('\n').length).toBeLessThanOrEqual(24);
    // When G is pressed, the last row is drawn and selected
    await press(app, 'G');
    const last = await waitForFrame(app, (f) =>
      f.includes(`▸ ${files[9_999]?.name}`),
    );
    expect(last).not.toContain(files[0]?.name);
    await press(app, KEYS.pageUp);
    await waitForFrame(app, (f) => !f.includes(`▸ ${files[9_999]?.name}`));
  });

  it('shows a refused action as a notice and keeps running', async () => {
    const app = await start(network());
    client.download(waltz);
    vi.spyOn(client, 'pause').mockImplementation(() => {
      throw new Error('queue database is read-only');
    });
    await waitForFrame(app, (f) => f.includes('queued'));
    await press(app, '3', 'p');
    await waitForFrame(app, (f) => f.includes('queue database is read-only'));
    await press(app, '1');
    await waitForFrame(app, (f) => f.includes('⏎ browse'));
  });
});
