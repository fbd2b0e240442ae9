import { describe, expect, it } from 'vitest';
import type { UiAction } from './ui-action.js';
import { uiReducer } from './ui-reducer.js';
import { initialUiState, Pane, type UiState } from './ui-state.js';

const run = (actions: UiAction[], from: UiState = initialUiState) =>
  actions.reduce(uiReducer, from);

describe('uiReducer', () => {
  it('cycles focus forward and backward through the three panes', () => {
    expect(run([{ type: 'focus-next' }]).focusedPane).toBe(Pane.Files);
    expect(run([{ type: 'focus-prev' }]).focusedPane).toBe(Pane.Transfers);
    const around = run([
      { type: 'focus-next' },
      { type: 'focus-next' },
      { type: 'focus-next' },
    ]);
    expect(around.focusedPane).toBe(Pane.Peers);
  });

  it('moves the focused pane cursor and clamps it to the list', () => {
    const state = run([
      { type: 'focus', pane: Pane.Transfers },
      { type: 'move', delta: 3, count: 10 },
      { type: 'move', delta: 100, count: 10 },
    ]);
    expect(state.cursors).toEqual({ peers: 0, files: 0, transfers: 9 });
    expect(
      run([{ type: 'move', delta: -5, count: 10 }], state).cursors.transfers,
    ).toBe(4);
    expect(run([{ type: 'move-to', index: -1, count: 0 }]).cursors.peers).toBe(
      0,
    );
  });

  it('moves from the last row when the list shrank under the cursor', () => {
    const far = run([{ type: 'move', delta: 9, count: 10 }]);
    expect(
      run([{ type: 'move', delta: -1, count: 3 }], far).cursors.peers,
    ).toBe(1);
  });

  it('clears a notice only when its own timer runs out', () => {
    const first = run([{ type: 'notice', text: 'one' }]);
    const second = run([{ type: 'notice', text: 'two' }], first);
    const stale = run(
      [{ type: 'notice-expired', serial: first.noticeSerial }],
      second,
    );
    expect(stale.notice).toBe('two');
    expect(
      run([{ type: 'notice-expired', serial: second.noticeSerial }], second)
        .notice,
    ).toBe('');
  });

  it('closes the help when search opens, never while quit is asked', () => {
    // Given the help overlay, open: / hands the keyboard to a visible box
    const help = run([{ type: 'overlay', overlay: 'help' }]);
    expect(run([{ type: 'search-open' }], help)).toMatchObject({
      overlay: 'none',
      searchOpen: true,
    });
    // Given the quit question: it keeps the keyboard
    const asking = run([{ type: 'overlay', overlay: 'confirm-quit' }]);
    expect(run([{ type: 'search-open' }], asking)).toBe(asking);
  });

  it('opens search on the Files pane and closes it with back', () => {
    const open = run([{ type: 'search-open' }]);
    expect(open).toMatchObject({ searchOpen: true, focusedPane: Pane.Files });
    expect(run([{ type: 'back' }], open).searchOpen).toBe(false);
  });

  it('keeps only the newest files load', () => {
    const loading = run([
      { type: 'files-load', request: 1, view: { kind: 'own' } },
      { type: 'files-load', request: 2, view: { kind: 'search', query: 'a' } },
      {
        type: 'files-loaded',
        request: 1,
        rows: [{ sha256: 'old', name: 'old', size: 1 }],
        more: false,
      },
    ]);
    expect(loading).toMatchObject({ fileRows: [], filesLoading: true });
    const loaded = run(
      [
        {
          type: 'files-loaded',
          request: 2,
          rows: [{ sha256: 'new', name: 'new', size: 1 }],
          more: false,
        },
      ],
      loading,
    );
    expect(loaded.fileRows.map((r) => r.name)).toEqual(['new']);
    expect(loaded.filesView).toEqual({ kind: 'search', query: 'a' });
    expect(loaded.query).toBe('a');
  });

  it('puts the cursor on the first row of a new load', () => {
    const moved = run([
      { type: 'focus', pane: Pane.Files },
      { type: 'move', delta: 5, count: 10 },
      { type: 'files-load', request: 1, view: { kind: 'own' } },
    ]);
    expect(moved.cursors.files).toBe(0);
  });

  it('closes an overlay first, then goes back from a browsed peer', () => {
    const browsing = run([
      { type: 'files-load', request: 1, view: { kind: 'peer', username: 'a' } },
      { type: 'overlay', overlay: 'help' },
    ]);
    const closed = run([{ type: 'back' }], browsing);
    expect(closed).toMatchObject({ overlay: 'none', focusedPane: Pane.Files });
    expect(run([{ type: 'back' }], closed).focusedPane).toBe(Pane.Peers);
  });

  it('keeps why a load failed, apart from an empty result', () => {
    const failed = run([
      { type: 'files-load', request: 1, view: { kind: 'own' } },
      { type: 'files-failed', request: 1, error: 'directory unreachable' },
    ]);
    expect(failed).toMatchObject({
      filesLoading: false,
      filesError: 'directory unreachable',
      fileRows: [],
    });
    const again = run(
      [{ type: 'files-load', request: 2, view: { kind: 'own' } }],
      failed,
    );
    expect(again.filesError).toBe('');
  });
});
