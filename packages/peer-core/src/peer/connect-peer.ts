import { validateProfile } from '../config/profile-schema.js';
import { DirectoryClient } from '../directory-client/directory-client.js';
import { PeerError, PeerErrorCode } from '../errors.js';
import type { LoginRequest } from './peer-client.js';
import { Peer } from './peer.js';
import type { PeerOptions } from './peer-options.js';
import { openRuntime } from './peer-runtime.js';

/** Options of `connectPeer` besides the profile and password. */
export type ConnectOptions = Omit<PeerOptions, 'profile' | 'password'> & {
  /**
   * Aborts the start: its directory calls (register, login, announce, index
   * upload) fail at once, closing their connections, and it rejects with a
   * `Cancelled` `PeerError`.
   */
  signal?: AbortSignal;
};

/**
 * Starts a peer for a front end's login: registers first when
 * `request.register`, logs in, serves the share, announces, and uploads the
 * index. Rejects with a `PeerError` whose `code` is `Unauthorized` (wrong
 * password), `DirectoryUnreachable`, `Rejected` (username taken, invalid
 * input), `InvalidInput` (unusable folder or address) or `Cancelled`
 * (`options.signal` aborted it).
 */
export async function connectPeer(
  request: LoginRequest,
  options: ConnectOptions = {},
): Promise<Peer> {
  const profile = validateProfile(request.profile, 'profile');
  if (request.register === true) {
    const client = new DirectoryClient(profile.directoryUrl, options.directory);
    await abortable(client, options.signal, () =>
      client.register(profile.username, request.password),
    );
  }
  const runtime = await openRuntime({
    ...options,
    profile,
    password: request.password,
  });
  const peer = new Peer(runtime);
  try {
    await abortable(runtime.session.client, options.signal, () => peer.start());
  } catch (error) {
    await peer.stop().catch(() => undefined);
    throw error;
  }
  return peer;
}

/**
 * Runs `work`, which calls the directory through `client`; an abort of
 * `signal` aborts those calls in flight, closing their connections.
 */
async function abortable<T>(
  client: DirectoryClient,
  signal: AbortSignal | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const abort = () => client.abortPending();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    if (signal?.aborted === true) {
      throw new PeerError(PeerErrorCode.Cancelled, 'start aborted');
    }
    return await work();
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
