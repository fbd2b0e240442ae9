import { useCallback, useRef, type Dispatch } from 'react';
import {
  getErrorMessage,
  type PeerClient,
  type SearchPage,
  type SharedFileEntry,
} from '@ferry/peer-core';
import type { UiAction } from '../state/ui-action.js';
import type { FileRow, FilesView } from '../state/ui-state.js';

/** How many results one search asks for (the directory allows up to 200). */
export const SEARCH_LIMIT = 200;

/** What a view lists, and whether more files match than that. */
interface Loaded {
  rows: FileRow[];
  more: boolean;
}

function fromShare(files: SharedFileEntry[]): Loaded {
  const rows = files.map(({ sha256, name, size }) => ({ sha256, name, size }));
  return { rows, more: false };
}

function fromResults({ results, more }: SearchPage): Loaded {
  const rows = results.map(({ sha256, name, size, sources }) => ({
    sha256,
    name,
    size,
    sources,
  }));
  return { rows, more };
}

async function load(client: PeerClient, view: FilesView): Promise<Loaded> {
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
      return { rows: [], more: false };
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
      load(client, view).then(
        ({ rows, more }) =>
          dispatch({ type: 'files-loaded', request, rows, more }),
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
