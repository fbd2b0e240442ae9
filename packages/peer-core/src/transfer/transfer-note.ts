import { TransferState } from '../peer/peer-client.js';
import { safeText } from '../safe-text.js';
import {
  SourceState,
  type SourceStats,
  type TransferProgress,
} from './transfer-types.js';

/** How long every source in use must be silent before a note says so. */
export const QUIET_NOTE_MS = 3_000;

/** The note while another download holds the `.part` of this file. */
export const PART_WAIT_NOTE =
  'waiting for another download of this file to release its .part';

/** Source labels named in a note at most; more are counted. */
const NAMED = 2;

/**
 * Why a connecting or downloading transfer is not moving, in a few words
 * ("no data from alice for 6 s", "alice: connection refused; retrying in
 * 1 s", "waiting for a source", "every source failed; looking for
 * more", `PART_WAIT_NOTE`), or undefined while it moves (or is in
 * another state). Labels and errors from the network are made safe.
 */
export function transferNote(progress: TransferProgress): string | undefined {
  if (
    progress.state !== TransferState.Connecting &&
    progress.state !== TransferState.Downloading
  ) {
    return undefined;
  }
  if (progress.waitingForPart === true) return PART_WAIT_NOTE;
  const live = progress.sources.filter(
    (source) => source.state !== SourceState.Dropped,
  );
  if (live.length === 0) {
    return progress.sources.length === 0
      ? 'waiting for a source'
      : 'every source failed; looking for more';
  }
  const asked = live.filter((source) => source.quietMs !== undefined);
  if (asked.length > 0) return quietNote(asked);
  if (live.every((source) => source.state === SourceState.Waiting)) {
    return waitingNote(live);
  }
  return undefined;
}

/** Every source with a request in flight quiet for a while, or undefined. */
function quietNote(asked: SourceStats[]): string | undefined {
  const quietMs = Math.min(...asked.map((source) => source.quietMs ?? 0));
  if (quietMs < QUIET_NOTE_MS) return undefined;
  return `no data from ${names(asked)} for ${seconds(quietMs)}`;
}

/** The source retried first, with why it failed. */
function waitingNote(waiting: SourceStats[]): string {
  const next = waiting.reduce((soonest, source) =>
    (source.retryInMs ?? 0) < (soonest.retryInMs ?? 0) ? source : soonest,
  );
  const why = next.error === undefined ? '' : `: ${safeText(next.error)}`;
  return `${safeText(next.label)}${why}; retrying in ${seconds(next.retryInMs ?? 0)}`;
}

function names(sources: SourceStats[]): string {
  const named = sources
    .slice(0, NAMED)
    .map((source) => safeText(source.label))
    .join(', ');
  const more = sources.length - NAMED;
  return more > 0 ? `${named} and ${more} more` : named;
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1_000)} s`;
}
