import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { Command, Scope } from './command.js';
import { keyName } from './key-name.js';
import { commandFor, hintsFor, KEYMAP } from './keymap.js';

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('keymap', () => {
  it('never binds one key twice within a scope', () => {
    for (const scope of Object.values(Scope)) {
      const keys = KEYMAP.filter((x) => x.scope === scope).flatMap((x) => [
        ...x.keys,
      ]);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
  });

  it.each([
    ['j', Command.Down],
    ['down', Command.Down],
    ['k', Command.Up],
    ['up', Command.Up],
    ['g', Command.Top],
    ['G', Command.Bottom],
    ['pagedown', Command.PageDown],
  ])('list key %s runs %s', (key, command) => {
    expect(commandFor(key, [Scope.List])).toBe(command);
  });

  it('lets the first scope win', () => {
    expect(commandFor('enter', [Scope.Files, Scope.Peers])).toBe(
      Command.Download,
    );
    expect(commandFor('enter', [Scope.Peers, Scope.Files])).toBe(
      Command.Browse,
    );
    expect(commandFor('z', [Scope.Global])).toBeUndefined();
  });

  it('gives footer hints only for bindings that have one', () => {
    const hints = hintsFor([Scope.Transfers]).map((x) => x.hint);
    expect(hints).toEqual(['pause', 'cancel', 'retry']);
  });

  it('names the keys Ink reports', () => {
    expect(keyName('\t', { ...noKey, tab: true })).toBe('tab');
    expect(keyName('', { ...noKey, tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('c', { ...noKey, ctrl: true })).toBe('ctrl+c');
    expect(keyName('', { ...noKey, return: true })).toBe('enter');
    expect(keyName('', { ...noKey, escape: true, meta: true })).toBe('escape');
    expect(keyName('G', { ...noKey, shift: true })).toBe('G');
  });
});
