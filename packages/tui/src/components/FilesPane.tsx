import type { Dispatch } from 'react';
import { Text } from 'ink';
import { formatSize } from '../format/format-size.js';
import { fit } from '../format/safe-text.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { listHandlers } from '../state/list-handlers.js';
import type { UiAction } from '../state/ui-action.js';
import {
  Pane as PaneId,
  type FileRow,
  type UiState,
} from '../state/ui-state.js';
import { fileColumns, SIZE_WIDTH, SOURCES_WIDTH } from './file-columns.js';
import { filesEmptyHint } from './files-empty-hint.js';
import { filesFailedText } from './files-failed-text.js';
import { filesTitle } from './files-title.js';
import { Pane } from './Pane.js';
import { SearchBox } from './SearchBox.js';
import { WindowedList } from './WindowedList.js';

function emptyText(ui: UiState): string {
  if (ui.filesLoading) return 'Loading…';
  if (ui.filesError) {
    return filesFailedText(ui.filesView, ui.filesError, ui.searchOpen);
  }
  return filesEmptyHint(ui.filesView, ui.searchOpen);
}

/** Search results, a browsed peer's share or our own; Enter downloads. */
export function FilesPane({
  ui,
  cursor,
  width,
  height,
  active,
  dispatch,
  onSearch,
  onDownload,
}: {
  ui: UiState;
  /** The files cursor, kept inside the list. */
  cursor: number;
  width: number;
  height: number;
  active: boolean;
  dispatch: Dispatch<UiAction>;
  onSearch: (query: string) => void;
  onDownload: (row: FileRow) => void;
}) {
  const rows = height - 4;
  const inner = width - 4;
  const { nameWidth, withSources } = fileColumns(inner);
  const focused = ui.focusedPane === PaneId.Files;
  useCommands(
    [Scope.Files, Scope.List],
    {
      ...listHandlers(dispatch, ui.fileRows.length, rows),
      [Command.Download]: () => {
        const row = ui.fileRows[cursor];
        if (row) onDownload(row);
      },
    },
    active,
  );
  const line = (index: number) => {
    const row = ui.fileRows[index];
    if (!row) return '';
    return (
      fit(row.name, nameWidth) +
      fit(formatSize(row.size), SIZE_WIDTH, 'right') +
      (withSources
        ? fit(String(row.sources ?? ''), SOURCES_WIDTH, 'right')
        : '')
    );
  };
  const failed = ui.filesError !== '';
  const header =
    '  ' +
    fit('NAME', nameWidth) +
    fit('SIZE', SIZE_WIDTH, 'right') +
    (withSources ? fit('SOURCES', SOURCES_WIDTH, 'right') : '');
  return (
    <Pane
      title={filesTitle(ui.filesView, {
        count: ui.fileRows.length,
        loading: ui.filesLoading,
        failed,
        more: ui.filesMore,
      })}
      focused={focused}
      width={width}
      height={height}
    >
      {ui.searchOpen ? (
        <SearchBox
          width={width - 2}
          last={ui.query}
          onSubmit={(query) => {
            const words = query.trim();
            if (words === '') dispatch({ type: 'back' });
            else onSearch(words);
          }}
          onCancel={() => dispatch({ type: 'back' })}
        />
      ) : (
        <Text dimColor>{header}</Text>
      )}
      <WindowedList
        count={ui.fileRows.length}
        cursor={cursor}
        height={rows}
        width={inner}
        focused={focused}
        line={line}
        empty={emptyText(ui)}
        emptyIsError={failed}
      />
    </Pane>
  );
}
