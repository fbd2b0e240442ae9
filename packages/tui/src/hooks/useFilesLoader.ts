import { useCallback, useRef, type Dispatch } from 'react';
import {
  getErrorMessage,
  type PeerClient,
  type SearchResult,
  type SharedFileEntry,
} from '@ferry/peer-core';
import type { UiAction } from '../state/ui-action.js';
import type { FileRow, FilesView } from '../state/ui-state.js';

/** How many results one search asks for (the directory allows up to 200). */
export const SEARCH_LIMIT = 200;

function fromShare(files: SharedFileEntry[]): FileRow[] {
  return files.map(({ sha256, name, size }) => ({ sha256, name, size }));
}

function fromResults(results: SearchResult[]): FileRow[] {
  return results.map(({ sha256, name, size, sources }) => ({
    sha256,
    name,
    size,
    sources,
  }));
}

async function rowsFor(
  client: PeerClient,
  view: FilesView,
): Promise<FileRow[]> {
  switch (view.kind) {
    case 'search':
      return fromResults(
        await client.search(view.query, { limit: SEARCH_LIMIT }),
      );
    case 'peer':
      return fromShare(await client.browse(view.username));
    case 'own':
      return fromShare(await client.ownFiles());
    case 'empty':
      return [];
    default: {
      const exhaustive: never = view;
      return exhaustive;
    }
  }
}

/** Returns `load(view)`: fills the Files pane from the peer, newest wins. */
export function useFilesLoader(
  client: PeerClient,
  dispatch: Dispatch<UiAction>,
): (view: FilesView) => void {
  const counter = useRef(0);
  return useCallback(
    (view: FilesView) => {
      counter.current += 1;
      const request = counter.current;
      dispatch({ type: 'files-load', request, view });
      rowsFor(client, view).then(
        (rows) => dispatch({ type: 'files-loaded', request, rows }),
        (error: unknown) =>
          dispatch({
            type: 'files-failed',
            request,
            error: getErrorMessage(error),
          }),
      );
    },
    [client, dispatch],
  );
}
