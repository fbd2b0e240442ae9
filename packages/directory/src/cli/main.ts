import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import envPaths from 'env-paths';
import type { RunningDirectory } from '../main.js';
import { packageVersion, runProgram } from './program.js';

/** Options as commander parses them (flags, then environment). */
interface CliOptions {
  host: string;
  port: number;
  db?: string;
  peerTtl: number;
  sessionTtl: number;
  loginLimitUser: number;
  loginLimitIp: number;
  registerLimitIp: number;
  synchronous: 'normal' | 'full';
  logLevel: string;
  trustProxy?: boolean;
}

function integer(min: number, max: number) {
  return (value: string): number => {
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) {
      throw new InvalidArgumentError(`expected an integer ${min}–${max}`);
    }
    return n;
  };
}

function nonEmpty(value: string): string {
  if (value === '') throw new InvalidArgumentError('must not be empty');
  return value;
}

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['', '0', 'false', 'no', 'off'];

/** `FERRY_DIRECTORY_TRUST_PROXY`: a yes/no word; anything else is refused. */
function trustProxyFromEnv(value: string | undefined): boolean | string {
  if (value === undefined) return false;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return `FERRY_DIRECTORY_TRUST_PROXY must be one of ${[...TRUE_WORDS, ...FALSE_WORDS.slice(1)].join(', ')} or empty, not "${value}"`;
}

/** Default database file: `$FERRY_HOME/directory.sqlite`, else the data folder. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const home = env['FERRY_HOME'];
  const folder =
    home !== undefined && home !== ''
      ? home
      : envPaths('ferry', { suffix: '' }).data;
  return path.join(folder, 'directory.sqlite');
}

/** Builds the `ferry-directory` command line. */
export function buildProgram(): Command {
  const env = (flags: string, description: string, variable: string) =>
    new Option(flags, description).env(variable);
  return new Command('ferry-directory')
    .description('Run the Ferry directory: accounts, online peers, search.')
    .version(
      packageVersion(new URL('../../package.json', import.meta.url)),
      '-V, --version',
    )
    .addOption(
      env('--host <host>', 'address to listen on', 'FERRY_DIRECTORY_HOST')
        .argParser(nonEmpty)
        .default('127.0.0.1'),
    )
    .addOption(
      env(
        '--port <port>',
        'TCP port to listen on (0: any free port)',
        'FERRY_DIRECTORY_PORT',
      )
        .argParser(integer(0, 65535))
        .default(7070),
    )
    .addOption(
      env(
        '--db <file>',
        `SQLite database file (default ${defaultDbPath()})`,
        'FERRY_DIRECTORY_DB',
      ).argParser(nonEmpty),
    )
    .addOption(
      env(
        '--peer-ttl <seconds>',
        'a peer silent this long is offline',
        'FERRY_DIRECTORY_PEER_TTL',
      )
        .argParser(integer(1, 86_400))
        .default(60),
    )
    .addOption(
      env(
        '--session-ttl <hours>',
        'lifetime of a login token',
        'FERRY_DIRECTORY_SESSION_TTL',
      )
        .argParser(integer(1, 24 * 365))
        .default(24 * 7),
    )
    .addOption(
      env(
        '--login-limit-user <n>',
        'failed logins per username per 15 min',
        'FERRY_DIRECTORY_LOGIN_LIMIT_USER',
      )
        .argParser(integer(1, 1_000_000))
        .default(10),
    )
    .addOption(
      env(
        '--login-limit-ip <n>',
        'failed logins per client IP per 15 min',
        'FERRY_DIRECTORY_LOGIN_LIMIT_IP',
      )
        .argParser(integer(1, 1_000_000))
        .default(50),
    )
    .addOption(
      env(
        '--register-limit-ip <n>',
        'registrations per client IP per hour',
        'FERRY_DIRECTORY_REGISTER_LIMIT_IP',
      )
        .argParser(integer(1, 1_000_000))
        .default(20),
    )
    .addOption(
      env(
        '--synchronous <mode>',
        'SQLite durability: normal (survives a killed process) or full (survives a power cut)',
        'FERRY_DIRECTORY_SYNCHRONOUS',
      )
        .choices(['normal', 'full'])
        .default('normal'),
    )
    .addOption(
      env(
        '--log-level <level>',
        'request log level',
        'FERRY_DIRECTORY_LOG_LEVEL',
      )
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
        .default('warn'),
    )
    .option(
      '--trust-proxy',
      'take client IPs from X-Forwarded-For (env FERRY_DIRECTORY_TRUST_PROXY: 1/true/yes/on)',
    )
    .action(async (options: CliOptions, command: Command) => {
      const fromEnv = trustProxyFromEnv(
        process.env['FERRY_DIRECTORY_TRUST_PROXY'],
      );
      if (typeof fromEnv === 'string') {
        command.error(`error: ${fromEnv}`, { exitCode: 2 });
      }
      await serve({ ...options, trustProxy: options.trustProxy ?? fromEnv });
    });
}

async function serve(options: CliOptions): Promise<void> {
  const { startDirectory } = await import('../main.js');
  const dbPath = options.db ?? defaultDbPath();
  const window = (points: number, durationSeconds: number) => ({
    points,
    durationSeconds,
  });
  let directory: RunningDirectory;
  try {
    directory = await startDirectory({
      host: options.host,
      port: options.port,
      dbPath,
      synchronous: options.synchronous === 'full' ? 'FULL' : 'NORMAL',
      peerTtlMs: options.peerTtl * 1000,
      sessionTtlMs: options.sessionTtl * 3_600_000,
      loginLimitPerUser: window(options.loginLimitUser, 900),
      loginLimitPerIp: window(options.loginLimitIp, 900),
      registerLimitPerIp: window(options.registerLimitIp, 3600),
      trustProxy: options.trustProxy === true,
      logger: { level: options.logLevel },
    });
  } catch (error) {
    process.stderr.write(
      `ferry-directory: cannot start: ${startError(error, dbPath)}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `ferry-directory listening on ${directory.url} (database ${dbPath})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.stdout.write(`ferry-directory: ${signal}, shutting down\n`);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void directory.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** One line for why the server could not start (no stack trace). */
function startError(error: unknown, dbPath: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_')
    ? `database ${dbPath}: ${message}`
    : message;
}

/** Entry point of the `ferry-directory` program. */
export async function main(argv: readonly string[]): Promise<void> {
  const code = await runProgram(buildProgram(), argv);
  if (code !== 0) process.exitCode = code;
}
