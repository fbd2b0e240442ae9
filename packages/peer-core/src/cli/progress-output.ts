import cliProgress from 'cli-progress';
import { safeText } from '../safe-text.js';
import { PART_WAIT_NOTE, transferNote } from '../transfer/transfer-note.js';
import type { TransferProgress } from '../transfer/transfer-types.js';
import { formatBytes, formatEta } from './format.js';
import { printJson } from './output.js';

/** Shows a download's progress: a bar, JSON lines, or nothing. */
export interface ProgressOutput {
  update(progress: TransferProgress): void;
  stop(): void;
}

/**
 * JSON lines with `json`, a progress bar on a terminal, otherwise nothing
 * until the end but one line on standard error when the download waits for
 * another one's `.part`. While the download is not moving, the lines and
 * the bar say why (`transferNote`) instead of (or next to) its bare state.
 */
export function createProgressOutput(json: boolean): ProgressOutput {
  if (json) return jsonLines();
  if (process.stderr.isTTY) return progressBar();
  return partWaitLine();
}

/** Says once on standard error that the download waits for its `.part`. */
function partWaitLine(): ProgressOutput {
  let told = false;
  return {
    update: (p) => {
      if (told || p.waitingForPart !== true) return;
      told = true;
      process.stderr.write(
        `ferry-peer: ${safeText(p.name)}: ${PART_WAIT_NOTE}\n`,
      );
    },
    stop: () => undefined,
  };
}

function jsonLines(): ProgressOutput {
  return {
    update: (p) => {
      const note = transferNote(p);
      printJson({
        event: 'progress',
        state: p.state,
        bytesDone: p.bytesDone,
        size: p.size,
        speedBps: Math.round(p.speedBps),
        etaSeconds: p.etaSeconds === null ? null : Math.ceil(p.etaSeconds),
        sources: p.sources.length,
        ...(note === undefined ? {} : { note }),
      });
    },
    stop: () => undefined,
  };
}

function progressBar(): ProgressOutput {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        '{bar} {percentage}% | {done} of {total_h} | {speed}/s | ETA {eta_h} | {state}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = {
        done: formatBytes(p.bytesDone),
        total_h: formatBytes(p.size),
        speed: formatBytes(p.speedBps),
        eta_h: formatEta(p.etaSeconds),
        state: transferNote(p) ?? p.state,
      };
      if (!started && p.size > 0) {
        bar.start(p.size, p.bytesDone, payload);
        started = true;
      } else if (started) bar.update(p.bytesDone, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
