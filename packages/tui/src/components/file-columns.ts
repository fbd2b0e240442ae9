/** Columns of the size and of the source count on a Files pane row. */
export const SIZE_WIDTH = 10;
export const SOURCES_WIDTH = 9;
/** The least room a name keeps before the source count goes. */
const NAME_WITH_SOURCES = 12;

export interface FileColumns {
  nameWidth: number;
  withSources: boolean;
}

/**
 * How a Files pane row `inner` columns wide is laid out: the name, the
 * size, and the number of sources while the name keeps room enough to be
 * read (a narrow pane drops that column).
 */
export function fileColumns(inner: number): FileColumns {
  const withSources = inner - SIZE_WIDTH - SOURCES_WIDTH >= NAME_WITH_SOURCES;
  const taken = SIZE_WIDTH + (withSources ? SOURCES_WIDTH : 0);
  return { nameWidth: Math.max(4, inner - taken), withSources };
}
