// A downloader that cancels right after its disk refused a write, for the
// test of which ending wins: `transfer-cancel-after-disk-error-child.ts
// JSON_OPTIONS FAST_LABEL`, run under `ulimit -f`. Once a write past the
// limit raised SIGXFSZ and the source FAST_LABEL stopped fetching (its
// request slot ends only once the writer failed), it calls cancel(). Prints
// "CANCEL" when it did, then "FAILED <code> <message>" (or "DONE <path>")
// and "STATE <state>", and exits 0.
import {
  download,
  PeerError,
  SourceState,
  TransferEvent,
  type DownloadOptions,
} from '@ferry/peer-core';

const options = JSON.parse(process.argv[2] ?? '{}') as DownloadOptions;
const fastLabel = process.argv[3] ?? '';
let diskRefused = false;
process.on('SIGXFSZ', () => {
  diskRefused = true;
});

const transfer = download(options);
let cancelled = false;
transfer.on(TransferEvent.Progress, (progress) => {
  const fast = progress.sources.find((source) => source.label === fastLabel);
  if (cancelled || !diskRefused || fast?.state !== SourceState.Idle) return;
  cancelled = true;
  process.stdout.write('CANCEL\n');
  void transfer.cancel();
});
try {
  const path = await transfer.done;
  process.stdout.write(`DONE ${path}\n`);
} catch (error) {
  const code = error instanceof PeerError ? error.code : 'UNKNOWN';
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(`FAILED ${code} ${message.replace(/\n/g, ' ')}\n`);
}
process.stdout.write(`STATE ${transfer.state}\n`);
