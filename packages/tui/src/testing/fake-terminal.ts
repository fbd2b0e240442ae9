import { PassThrough } from 'node:stream';

/**
 * A stream that passes for a terminal's input: Ink asks it for raw mode
 * and ref/unref. What a test writes to it arrives as typed keys.
 */
export function fakeTerminal(): NodeJS.ReadStream {
  const terminal = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: () => undefined,
    ref: () => undefined,
    unref: () => undefined,
  });
  terminal.setEncoding('utf8');
  return terminal as unknown as NodeJS.ReadStream;
}
