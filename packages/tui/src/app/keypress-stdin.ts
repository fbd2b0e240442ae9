/**
 * One key: an escape sequence (ESC or ESC ESC, then a CSI or SS3 sequence
 * or one character; an arrow key, Alt+x, a bare Esc) or one character.
 * The same cut Ink's own input parser makes at escape sequences.
 */
const KEY =
  // eslint-disable-next-line no-control-regex -- terminal keys are control characters
  /\x1b{1,2}(?:\[\[?[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|O[\x40-\x7e]|[^\x1b])?|[^]/gu;

/**
 * The terminal's input as Ink should see it: one key per turn of the event
 * loop.
 *
 * Ink hands whatever one read of the terminal returned to the key handlers
 * as a single key, cut only at escape sequences. Keys that reach the
 * terminal together (pressed while the screen redraws, a held key, a paste,
 * `tmux send-keys`) were therefore one unknown "key": `jjj` moved nothing,
 * Enter right after a word was typed into the search box instead of
 * running it, and a burst of Backspaces became invisible text. Here each
 * key is read on its own, and the next one only once React has committed
 * the last one and re-subscribed the handlers that depend on it (the
 * search box submits the text it last rendered).
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
    afterReactsTurn(() => {
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
 * Runs `next` once what the current key set off has run: React renders a
 * key's update in a microtask and then runs its effects (which
 * re-subscribe Ink's input handlers) with `setImmediate`, queued after any
 * immediate queued before that microtask. An immediate queued from an
 * immediate runs on the loop's next turn, after all of those.
 */
function afterReactsTurn(next: () => void): void {
  setImmediate(() => setImmediate(next));
}
