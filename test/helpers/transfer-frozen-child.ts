// A downloader that will be frozen (SIGSTOP) mid-stream, for the keepalive
// test: `transfer-frozen-child.ts PORT SHA256 SIZE` starts a `Download` of
// the whole file, prints "STARTED" after the first chunk and then waits
// without reading further.
import { PeerConnection } from '@ferry/peer-core';

const [port = '', sha256 = '', size = '0'] = process.argv.slice(2);
const connection = new PeerConnection({
  host: '127.0.0.1',
  port: Number(port),
});
const chunks = connection.download(sha256, 0, Number(size), {
  deadlineMs: 600_000,
});
await chunks.next();
process.stdout.write('STARTED\n');
setInterval(() => undefined, 60_000);
