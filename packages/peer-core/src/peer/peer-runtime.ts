import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import { silentLogger } from '../config/logger.js';
import { localDatabasePath, resolveFerryPaths } from '../config/paths.js';
import { TokenStore } from '../config/token-store.js';
import { DirectoryClient } from '../directory-client/directory-client.js';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import { openShare, type Share } from '../share/share.js';
import { openLocalDb, type LocalDb } from '../store/local-db.js';
import { DirectorySession } from './directory-session.js';
import type { PeerOptions } from './peer-options.js';

/** The local parts of a peer, opened before it talks to anyone. */
export interface PeerRuntime {
  options: PeerOptions;
  logger: Logger;
  db: LocalDb;
  share: Share;
  session: DirectorySession;
}

/** Opens the local database and the share and prepares the session. */
export async function openRuntime(options: PeerOptions): Promise<PeerRuntime> {
  const { profile } = options;
  await ensureFolder(profile.shareDir, 'share folder');
  await ensureFolder(profile.downloadDir, 'download folder');
  const paths = resolveFerryPaths(options);
  const db = openLocalDb(
    localDatabasePath(paths, `${profile.name}-${profile.username}`),
  );
  try {
    const share = await openShare({
      root: profile.shareDir,
      db,
      settleMs: options.settleMs,
    });
    return {
      options,
      logger: options.logger ?? silentLogger(),
      db,
      share,
      session: sessionOf(options),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function sessionOf(options: PeerOptions): DirectorySession {
  const { password, profile } = options;
  return new DirectorySession({
    client: new DirectoryClient(profile.directoryUrl, options.directory),
    username: profile.username,
    password:
      typeof password === 'string' ? () => Promise.resolve(password) : password,
    tokens: options.saveToken === false ? undefined : new TokenStore(options),
  });
}

async function ensureFolder(folder: string, what: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      `cannot use ${what} ${folder}: ${getErrorMessage(error)}`,
      { cause: error },
    );
  }
}
