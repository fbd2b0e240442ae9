import type { ScryptParams } from './auth/passwords.js';
import { DEFAULT_SCRYPT } from './auth/passwords.js';

/** A rate limit: at most `points` events per `durationSeconds`. */
export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/** Everything about the directory's behaviour that a deployment or a test may change. */
export interface DirectorySettings {
  /** A peer silent for longer than this is offline. */
  peerTtlMs: number;
  /** How long a session token lives. */
  sessionTtlMs: number;
  /** Failed logins per username. */
  loginLimitPerUser: RateLimit;
  /** Failed logins per client IP. */
  loginLimitPerIp: RateLimit;
  /** Registrations per client IP. */
  registerLimitPerIp: RateLimit;
  /** scrypt cost of new password hashes. */
  scrypt: ScryptParams;
  /** Largest index upload (PUT/PATCH body), in bytes. */
  maxIndexBodyBytes: number;
  /** A request (headers and body) not received within this is a 408. */
  requestTimeoutMs: number;
  /**
   * How long shutdown waits for requests in flight before it closes their
   * connections.
   */
  shutdownGraceMs: number;
  /** The clock, ms since the epoch; tests move it. */
  clock: () => number;
}

export const DEFAULT_SETTINGS: DirectorySettings = {
  peerTtlMs: 60_000,
  sessionTtlMs: 7 * 24 * 60 * 60 * 1000,
  loginLimitPerUser: { points: 10, durationSeconds: 15 * 60 },
  loginLimitPerIp: { points: 50, durationSeconds: 15 * 60 },
  registerLimitPerIp: { points: 20, durationSeconds: 60 * 60 },
  scrypt: DEFAULT_SCRYPT,
  maxIndexBodyBytes: 128 * 1024 * 1024,
  requestTimeoutMs: 120_000,
  shutdownGraceMs: 10_000,
  clock: () => Date.now(),
};

/** Defaults overlaid with the given settings. */
export function resolveSettings(
  partial: Partial<DirectorySettings> = {},
): DirectorySettings {
  const defined = Object.fromEntries(
    Object.entries(partial).filter(([, value]) => value !== undefined),
  ) as Partial<DirectorySettings>;
  return { ...DEFAULT_SETTINGS, ...defined };
}
