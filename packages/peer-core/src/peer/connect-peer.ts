import { validateProfile } from '../config/profile-schema.js';
import { DirectoryClient } from '../directory-client/directory-client.js';
import { PeerError, PeerErrorCode } from '../errors.js';
import type { LoginRequest } from './peer-client.js';
import { Peer } from './peer.js';
import type { PeerOptions } from './peer-options.js';
import { openRuntime } from './peer-runtime.js';

/** Options of `connectPeer` besides the profile and password. */
export type ConnectOptions = Omit<PeerOptions, 'profile' | 'password'> & {
  /** Aborts the start: its directory calls fail at once and it rejects. */
  signal?: AbortSignal;
};

/**
 * Starts a peer for a front end's login: registers first when
 * `request.register`, logs in, serves the share, announces, and uploads the
 * index. Rejects with a `PeerError` whose `code` is `Unauthorized` (wrong
 * password), `DirectoryUnreachable`, `Rejected` (username taken, invalid
 * input) or `InvalidInput` (unusable folder or address).
 */
export async function connectPeer(
  request: LoginRequest,
  options: ConnectOptions = {},
): Promise<Peer> {
  const profile = validateProfile(request.profile, 'profile');
  if (request.register === true) {
    const client = new DirectoryClient(profile.directoryUrl, options.directory);
    await client.register(profile.username, request.password);
  }
  const runtime = await openRuntime({
    ...options,
    profile,
    password: request.password,
  });
  const peer = new Peer(runtime);
  const abort = () => runtime.session.client.abortPending();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    if (options.signal?.aborted === true) {
      throw new PeerError(PeerErrorCode.Cancelled, 'start aborted');
    }
    await peer.start();
  } catch (error) {
    await peer.stop().catch(() => undefined);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  return peer;
}
