import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';

/** Escape sequences of the keys tests press, by name. */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  tab: '\t',
  shiftTab: '\u001B[Z',
  enter: '\r',
  esc: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

export type InkInstance = ReturnType<typeof render>;

const pause = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Renders `node` and waits one macrotask so its input hooks listen. */
export async function renderApp(node: ReactElement): Promise<InkInstance> {
  const instance = render(node);
  await pause(20);
  return instance;
}

/**
 * Gives ink-testing-library's terminal (100 columns, no rows) a size and
 * tells Ink and the TUI it changed, as a real terminal does on a resize.
 */
export function resize(app: InkInstance, columns: number, rows: number): void {
  Object.defineProperty(app.stdout, 'columns', {
    value: columns,
    configurable: true,
  });
  Object.defineProperty(app.stdout, 'rows', {
    value: rows,
    configurable: true,
  });
  app.stdout.emit('resize');
}

/**
 * Presses keys one at a time, waiting after each so Ink handles it; a lone
 * Esc waits longer, as Ink holds it to tell it from an escape sequence.
 */
export async function press(
  instance: InkInstance,
  ...keys: string[]
): Promise<void> {
  for (const key of keys) {
    instance.stdin.write(key);
    await pause(key === KEYS.esc ? 60 : 50);
  }
}

/**
 * Types text one character at a time, as a person would: after each one it
 * waits for the frame that shows it (at most a second), then a little more
 * so the text box listens with its new value. It starts after a pause, so a
 * text box that just appeared is listening.
 */
export async function typeText(
  instance: InkInstance,
  text: string,
): Promise<void> {
  await pause(50);
  for (const char of text) {
    const before = instance.frames.length;
    instance.stdin.write(char);
    const deadline = Date.now() + 1_000;
    while (instance.frames.length === before && Date.now() < deadline) {
      await pause(5);
    }
    await pause(20);
  }
}

/**
 * Polls the last frame until `predicate` holds and returns it, after a short
 * pause so the input hooks of what it shows are listening; fails after
 * `timeoutMs` showing the last frame.
 */
export async function waitForFrame(
  instance: Pick<InkInstance, 'lastFrame'>,
  predicate: (frame: string) => boolean,
  timeoutMs = 5_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = instance.lastFrame() ?? '';
    if (predicate(frame)) {
      await pause(30);
      return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(`frame never matched within ${timeoutMs} ms:\n${frame}`);
    }
    await pause(10);
  }
}
