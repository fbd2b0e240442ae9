import type { Key } from 'ink';

const NAMED: readonly (readonly [keyof Key, string])[] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'escape'],
  ['backspace', 'backspace'],
  ['delete', 'delete'],
];

/** The keymap's name for what Ink's `useInput` reported. */
export function keyName(input: string, key: Key): string {
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.ctrl && input) return `ctrl+${input}`;
  const named = NAMED.find(([flag]) => key[flag] === true);
  return named ? named[1] : input;
}

/** How a key name reads in the footer and help: "G" → "G", "enter" → "⏎". */
export function keyLabel(name: string): string {
  const labels: Record<string, string> = {
    enter: '⏎',
    escape: 'Esc',
    tab: 'Tab',
    'shift+tab': 'Shift+Tab',
    up: '↑',
    down: '↓',
    pageup: 'PgUp',
    pagedown: 'PgDn',
    home: 'Home',
    end: 'End',
    'ctrl+c': 'Ctrl+C',
    'ctrl+r': 'Ctrl+R',
  };
  return labels[name] ?? name;
}
