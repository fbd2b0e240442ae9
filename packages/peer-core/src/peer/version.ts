import { packageVersion } from '../package-version.js';

/** The version of `@ferry/peer-core`, told to other peers. */
export function peerVersion(): string {
  return packageVersion(new URL('../../package.json', import.meta.url));
}
