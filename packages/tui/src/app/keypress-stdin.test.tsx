import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, useInput, type Instance, type Key } from 'ink';
import type { ReactElement } from 'react';
import {
  FakePeerClient,
  MemoryProfileStore,
  sampleFile,
} from '@ferry/peer-core/testing';
import { App } from '../components/App.js';
import { keyName } from '../keys/key-name.js';
import { keypressStdin } from './keypress-stdin.js';
import { TextField } from '../components/TextField.js';
import { fakeTerminal } from '../testing/fake-terminal.js';

function fakeScreen(): NodeJS.WriteStream {
  return Object.assign(new PassThrough(), {
    columns: 80,
    rows: 24,
  }) as unknown as NodeJS.WriteStream;
}

let instance: Instance | undefined;

afterEach(() => {
  instance?.unmount();
  instance = undefined;
});

/** Renders `element` with Ink reading `terminal` through `keypressStdin`. */
async function renderOn(
  terminal: NodeJS.ReadStream,
  element: ReactElement,
): Promise<void> {
  instance = render(element, {
    stdin: keypressStdin(terminal),
    stdout: fakeScreen(),
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await new Promise((resolve) => setImmediate(resolve));
}

function KeyLog({ seen }: { seen: string[] }) {
  useInput((input: string, key: Key) => {
    seen.push(keyName(input, key));
  });
  return null;
}

describe('keypressStdin', () => {
  it('hands out a burst one key per turn of the event loop', async () => {
    // Given a reader that reads all it can whenever the stream is readable
    const terminal = fakeTerminal();
    const stdin = keypressStdin(terminal);
    const turns: string[][] = [];
    terminal.on('readable', () => {
      const reads: string[] = [];
      const next = () => stdin.read() as string | null;
      for (let key = next(); key !== null; key = next()) {
        reads.push(key);
      }
      if (reads.length > 0) turns.push(reads);
    });
    // When several keys arrive in one chunk
    terminal.write('jj\x1b[A\x7f\r😀\x1bx');
    // Then each comes on a turn of its own, escape sequences whole
    await vi.waitFor(() => {
      expect(turns).toEqual([
        ['j'],
        ['j'],
        ['\x1b[A'],
        ['\x7f'],
        ['\r'],
        ['😀'],
        ['\x1bx'],
      ]);
    });
  });

  it('gives Ink every key of a burst, in order', async () => {
    // Given an Ink app logging the keys its input handler sees
    const terminal = fakeTerminal();
    const seen: string[] = [];
    await renderOn(terminal, <KeyLog seen={seen} />);
    // When several keys reach the terminal in one read
    terminal.write('jj\x1b[Ak\x7f\x7f\r');
    // Then each is its own key
    await vi.waitFor(() => {
      expect(seen).toEqual(['j', 'j', 'up', 'k', 'delete', 'delete', 'enter']);
    });
  });

  it('lets a text box submit what a burst typed into it', async () => {
    // Given a text box
    const terminal = fakeTerminal();
    const submitted: string[] = [];
    await renderOn(
      terminal,
      <TextField width={40} onSubmit={(value) => submitted.push(value)} />,
    );
    // When a mistake, its Backspaces, a word and Enter arrive together
    terminal.write('xx\x7f\x7fsurvey\r');
    // Then the box submits the word
    await vi.waitFor(() => {
      expect(submitted).toEqual(['survey']);
    });
  });

  it('searches the TUI for the whole word typed with Enter in one read', async () => {
    // Given the TUI's main screen on a terminal, its search box open
    const terminal = fakeTerminal();
    const peer = new FakePeerClient({
      username: 'hank',
      tickMs: 0,
      peers: [{ username: 'alice', files: [sampleFile('movie.mkv', 10)] }],
    });
    const search = vi.spyOn(peer, 'search');
    await renderOn(
      terminal,
      <App
        store={new MemoryProfileStore()}
        connect={() => Promise.resolve(peer)}
        client={peer}
      />,
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
    await settle();
    terminal.write('/');
    await settle();
    // When a word and Enter reach the terminal in one read, as a paste does
    terminal.write('movie\r');
    // Then the search is for the whole word
    await vi.waitFor(() => {
      expect(search.mock.calls.map(([query]) => query)).toEqual(['movie']);
    });
    await peer.stop();
  });
});
