import path from 'node:path';
import envPaths from 'env-paths';

/** Where a Ferry program keeps its files. */
export interface FerryPaths {
  /** Profiles and the session tokens. */
  configDir: string;
  /** Local databases (hash cache, transfer queue), one per profile. */
  dataDir: string;
}

/** Options shared by everything that reads or writes Ferry's files. */
export interface HomeOptions {
  /** One folder for every file; wins over `FERRY_HOME`. */
  home?: string;
  /** The environment to read `FERRY_HOME` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Resolves Ferry's folders: everything under `home` (or `FERRY_HOME`) when
 * given, otherwise the platform's folders from `env-paths('ferry')`.
 */
export function resolveFerryPaths(options: HomeOptions = {}): FerryPaths {
  const env = options.env ?? process.env;
  const home = options.home ?? nonEmpty(env['FERRY_HOME']);
  if (home !== undefined) {
    const root = path.resolve(home);
    return { configDir: root, dataDir: path.join(root, 'data') };
  }
  const paths = envPaths('ferry', { suffix: '' });
  return { configDir: paths.config, dataDir: paths.data };
}

/** The local database file of one profile. */
export function localDatabasePath(paths: FerryPaths, profile: string): string {
  return path.join(paths.dataDir, `${safeFileName(profile)}.db`);
}

function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_') || 'default';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
