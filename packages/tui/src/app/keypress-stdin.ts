import { unstable_IdlePriority, unstable_scheduleCallback } from 'scheduler';

/**
 * One key: an escape sequence (ESC or ESC ESC, then a CSI or SS3 sequence
 * or one character; an arrow key, Alt+x, a bare Esc) or one character.
 * The same cut Ink's own input parser makes at escape sequences.
 */
const KEY =
  // eslint-disable-next-line no-control-regex -- terminal keys are control characters
  /\x1b{1,2}(?:\[\[?[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|O[\x40-\x7e]|[^\x1b])?|[^]/gu;

/**
 * The terminal's input as Ink should see it: one key at a time, each once
 * the screen has caught up with the one before.
 *
 * Ink hands whatever one read of the terminal returned to the key handlers
 * as a single key, cut only at escape sequences. Keys that reach the
 * terminal together (pressed while the screen redraws, a held key, a paste,
 * `tmux send-keys`) were therefore one unknown "key": `jjj` moved nothing,
 * Enter right after a word was typed into the search box instead of
 * running it, and a burst of Backspaces became invisible text. Here each
 * key is read on its own, and the next one only once React has done all
 * the last one set off: rendered, committed, and run the effects that
 * subscribe the handlers of what it opened (the search box, the password
 * prompt, the profile form), so `/danube` searches for `danube`.
 *
 * Everything but `read` is the terminal's own (raw mode, listeners,
 * encoding, ref/unref), so the returned stream can stand in for it.
 */
export function keypressStdin(terminal: NodeJS.ReadStream): NodeJS.ReadStream {
  const keys: string[] = [];
  let turnTaken = false;
  const read = (): string | null => {
    for (;;) {
      const chunk = terminal.read() as string | Buffer | null;
      if (chunk === null) break;
      keys.push(...(String(chunk).match(KEY) ?? []));
    }
    if (turnTaken || keys.length === 0) return null;
    turnTaken = true;
    whenReactIsIdle(() => {
      turnTaken = false;
      if (keys.length > 0) terminal.emit('readable');
    });
    return keys.shift() ?? null;
  };
  return new Proxy(terminal, {
    get(target, property) {
      if (property === 'read') return read;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value.bind(target) as unknown)
        : value;
    },
  });
}

/**
 * Runs `next` once React has no work left: the key's render and commit,
 * the effects that subscribe new input handlers, and any render those
 * cause. React (through Ink) runs all of these as tasks of the `scheduler`
 * package, each yielding after a few milliseconds, so a fixed number of
 * turns of the event loop can fall between a commit and its effects, and
 * the next key then reached the screen it was leaving. An idle-priority
 * task runs after every task of higher priority, even ones queued later.
 * It is queued one immediate late, after Ink's own immediate that hands a
 * lone Esc on (so the Esc's render is queued first), and `next` runs on an
 * immediate of its own, outside the scheduler's loop, so the microtask in
 * which React queues the next key's render runs before anything else.
 */
function whenReactIsIdle(next: () => void): void {
  setImmediate(() => {
    unstable_scheduleCallback(unstable_IdlePriority, () => {
      setImmediate(next);
    });
  });
}
