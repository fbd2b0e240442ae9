// A sharing peer in its own process, for tests that kill a source:
// `transfer-serve-child.ts ROOT STATE_DIR RATE_BPS` prints "READY <port>".
import { startSharingPeer } from './transfer-fixtures.js';

const [root, stateDir, rate] = process.argv.slice(2);
if (root === undefined || stateDir === undefined) {
  process.stderr.write(
    'usage: transfer-serve-child ROOT STATE_DIR [RATE_BPS]\n',
  );
  process.exit(2);
}
const peer = await startSharingPeer({
  root,
  stateDir,
  uploadRateBps: rate === undefined ? undefined : Number(rate),
});
process.stdout.write(`READY ${peer.server.port}\n`);
