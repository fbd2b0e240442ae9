// A downloader in its own process, for tests that limit the process (e.g.
// `ulimit -f`): `transfer-outcome-child.ts JSON_OPTIONS` prints
// "DONE <path>" or "FAILED <code> <message>" and exits 0 either way.
import { download, PeerError, type DownloadOptions } from '@ferry/peer-core';

// Under `ulimit -f`, a write past the limit then fails with EFBIG, as one
// on a full disk fails with ENOSPC, instead of the signal killing us.
process.on('SIGXFSZ', () => undefined);

const options = JSON.parse(process.argv[2] ?? '{}') as DownloadOptions;
try {
  const path = await download(options).done;
  process.stdout.write(`DONE ${path}\n`);
} catch (error) {
  const code = error instanceof PeerError ? error.code : 'UNKNOWN';
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(`FAILED ${code} ${message.replace(/\n/g, ' ')}\n`);
}
