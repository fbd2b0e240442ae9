import { PassThrough } from 'node:stream';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { render, type Instance } from 'ink';
import { keypressStdin } from '@ferry/tui';
import { fakeTerminal } from '@ferry/tui/testing';

/** An app on a stand-in terminal, its keys read as `ferry` reads them. */
export interface KeypressTerminalApp {
  /** Writes keys to the terminal; keys written at once arrive together. */
  stdin: { write(keys: string): void };
  /** Every frame drawn, last one last. */
  frames: string[];
  lastFrame(): string | undefined;
  /** Whether the app has exited (quit). */
  exited(): boolean;
}

/** A 100×30 screen keeping each frame Ink draws (in debug mode, whole). */
function fakeScreen(frames: string[]): NodeJS.WriteStream {
  const screen = Object.assign(new PassThrough(), { columns: 100, rows: 30 });
  screen.on('data', (frame: Buffer) => frames.push(String(frame)));
  return screen as unknown as NodeJS.WriteStream;
}

/**
 * Call once at a test file's top level. Returns `start`, which renders
 * `node` with Ink reading its keys through `keypressStdin` (what `ferry`
 * puts between Ink and the terminal: keys written together are handed out
 * one at a time); each test's apps are unmounted after it.
 */
export function useKeypressTerminal(): (
  node: ReactElement,
) => Promise<KeypressTerminalApp> {
  const instances: Instance[] = [];
  afterEach(() => {
    for (const instance of instances.splice(0)) instance.unmount();
  });
  return async (node) => {
    const terminal = fakeTerminal();
    const frames: string[] = [];
    const instance = render(node, {
      stdin: keypressStdin(terminal),
      stdout: fakeScreen(frames),
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    instances.push(instance);
    let exited = false;
    void instance.waitUntilExit().finally(() => {
      exited = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    return {
      stdin: { write: (keys) => terminal.write(keys) },
      frames,
      lastFrame: () => frames.at(-1),
      exited: () => exited,
    };
  };
}
