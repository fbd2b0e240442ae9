import path from 'node:path';
import type { TempDirs } from './temp-files.js';

/** `ferry-peer`'s environment for one user, with a home of its own. */
export type PeerCliEnv = NodeJS.ProcessEnv & { FERRY_HOME: string };

/**
 * The environments of alice and bob at `directoryUrl`, both logging in with
 * `password` (neither names its user: commands pass `--user`), and alice's
 * share folder (not made yet).
 */
export async function aliceAndBobEnvs(
  temp: TempDirs,
  directoryUrl: string,
  password: string,
): Promise<{ aliceEnv: PeerCliEnv; bobEnv: PeerCliEnv; aliceShare: string }> {
  const common = { FERRY_DIRECTORY: directoryUrl, FERRY_PASSWORD: password };
  const aliceEnv = { ...common, FERRY_HOME: await temp.make('ferry-alice-') };
  const bobEnv = { ...common, FERRY_HOME: await temp.make('ferry-bob-') };
  const aliceShare = path.join(aliceEnv.FERRY_HOME, 'share');
  return { aliceEnv, bobEnv, aliceShare };
}
