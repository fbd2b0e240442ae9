// A downloader in its own process, for the kill-and-resume test:
// `transfer-download-child.ts JSON_OPTIONS` prints "RECORDED <bytes>" (the
// verified bytes recorded for a resume) as pieces arrive and "DONE <path>"
// at the end.
import {
  download,
  TransferEvent,
  type DownloadOptions,
} from '@ferry/peer-core';

const options = JSON.parse(process.argv[2] ?? '{}') as DownloadOptions;
const transfer = download({
  ...options,
  tuning: { progressIntervalMs: 20, recordIntervalMs: 50 },
});
transfer.on(TransferEvent.Progress, (progress) => {
  process.stdout.write(`RECORDED ${progress.bytesRecorded}\n`);
});
const path = await transfer.done;
process.stdout.write(`DONE ${path}\n`);
