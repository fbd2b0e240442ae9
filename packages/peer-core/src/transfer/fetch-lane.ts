import { setTimeout as sleep } from 'node:timers/promises';
import { fetchRun, type FetchContext } from './fetch-run.js';
import { runLength } from './run-length.js';
import type { SourceHandle } from './source-handle.js';

/**
 * One request slot of a source: takes runs of missing pieces (sized by
 * `runLength` to the source's speed) from the shared queue and fetches
 * them until the queue has nothing left, the source is dropped, or the
 * download is paused or cancelled. Runs are at most a fair share of what
 * is left among all `lanes`, so a small file (or the end of a big one) is
 * spread over every source. The next run is asked for as soon as a stream
 * ends; its pieces' writes settle meanwhile, and the lane returns only
 * once every write has. A failed run (or a failed piece of one) goes back
 * to the queue for any source to take, and the lane asks its source again
 * only when the source's retry time has come.
 */
export async function runLane(
  source: SourceHandle,
  context: FetchContext,
  lanes: number,
): Promise<void> {
  const { queue, signal, tuning } = context;
  let settled = Promise.resolve();
  const settle = (run: number[], error: Error | undefined): void => {
    if (error === undefined) {
      source.succeeded();
      return;
    }
    queue.giveBack(run);
    if (!signal.aborted && !context.writer.failure) source.failed(error);
  };
  try {
    while (!signal.aborted && !source.dropped) {
      const waitMs = source.retryInMs();
      if (waitMs > 0) {
        await sleep(waitMs, undefined, { signal }).catch(() => undefined);
        continue;
      }
      const fairShare = Math.ceil(queue.missingCount / lanes);
      const wanted = runLength(
        source.speedBps(),
        context.manifest.pieceSize,
        tuning,
      );
      const run = queue.take(Math.max(1, Math.min(wanted, fairShare)));
      if (run.length === 0) return;
      source.setActive(true);
      try {
        const { written } = await fetchRun(source, run, context);
        settled = Promise.all([settled, written]).then(([, error]) =>
          settle(run, error),
        );
      } catch (error) {
        queue.giveBack(run);
        if (signal.aborted || context.writer.failure) return;
        source.failed(error);
      } finally {
        source.setActive(false);
      }
    }
  } finally {
    await settled;
  }
}
