/** Columns of the file count and of the size on a Peers pane row. */
export const COUNT_WIDTH = 7;
export const SIZE_WIDTH = 10;
/** The least room a name keeps before the size, then the count, goes. */
const NAME_WITH_SIZE = 10;
const NAME_WITH_COUNT = 8;

export interface PeerColumns {
  nameWidth: number;
  withCount: boolean;
  withSize: boolean;
}

/**
 * How a Peers pane row `inner` columns wide is laid out: the name, then the
 * file count and the size while the name keeps room enough to be read. A
 * narrow pane drops the size column first, then the file count.
 */
export function peerColumns(inner: number): PeerColumns {
  const withSize = inner - COUNT_WIDTH - SIZE_WIDTH >= NAME_WITH_SIZE;
  const withCount = withSize || inner - COUNT_WIDTH >= NAME_WITH_COUNT;
  const taken = (withCount ? COUNT_WIDTH : 0) + (withSize ? SIZE_WIDTH : 0);
  return { nameWidth: Math.max(4, inner - taken), withCount, withSize };
}
