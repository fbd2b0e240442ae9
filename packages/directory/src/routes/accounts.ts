import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import { ErrorCode, LIMITS, ROUTES } from '../api/index.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { App, RouteContext } from '../context.js';
import { schemaOf, sessionOf } from '../context.js';
import { ProblemError } from '../problems.js';

function rateLimited(error: unknown, what: string): ProblemError {
  const ms = error instanceof RateLimiterRes ? error.msBeforeNext : 1000;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new ProblemError(
    ErrorCode.RateLimited,
    `Too many ${what}; try again in ${seconds} s.`,
    { retryAfterSeconds: seconds },
  );
}

async function consume(
  limiter: RateLimiterMemory,
  key: string,
  what: string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    throw rateLimited(error, what);
  }
}

/** Health, registration, login and logout. */
export function registerAccountRoutes(app: App, context: RouteContext): void {
  const { store, settings, limiters } = context;
  /** Hashed once, so an unknown user costs a login as much as a known one. */
  let decoyHash: Promise<string> | undefined;

  app.get(ROUTES.health.url, { schema: schemaOf(ROUTES.health) }, () =>
    Promise.resolve({
      status: 'ok' as const,
      version: context.version,
      nowMs: settings.clock(),
    }),
  );

  app.post(
    ROUTES.register.url,
    { schema: schemaOf(ROUTES.register) },
    async (request, reply) => {
      const { username, password } = request.body;
      const bytes = Buffer.byteLength(password, 'utf8');
      if (bytes < LIMITS.passwordMinBytes || bytes > LIMITS.passwordMaxBytes) {
        throw new ProblemError(
          ErrorCode.ValidationFailed,
          `body/password: must be ${LIMITS.passwordMinBytes} to ${LIMITS.passwordMaxBytes} bytes`,
          {
            errors: [
              { in: 'body', pointer: '/password', message: 'bad length' },
            ],
          },
        );
      }
      await consume(limiters.registerPerIp, request.ip, 'registrations');
      const passwordHash = await hashPassword(password, settings.scrypt);
      const createdMs = settings.clock();
      if (!(await store.createUser({ username, passwordHash, createdMs }))) {
        throw new ProblemError(
          ErrorCode.UsernameTaken,
          `The username "${username}" is taken.`,
        );
      }
      return reply.code(201).send({ username, createdAtMs: createdMs });
    },
  );

  app.post(
    ROUTES.login.url,
    { schema: schemaOf(ROUTES.login) },
    async (request, reply) => {
      const { username, password } = request.body;
      // Every attempt takes its point before the password is checked, so
      // guesses sent in parallel cannot all pass the limit at once; a
      // successful login gives its points back.
      await consume(limiters.loginPerIp, request.ip, 'failed logins');
      await consume(limiters.loginPerUser, username, 'failed logins');
      const credentials = await store.findCredentials(username);
      decoyHash ??= hashPassword('decoy password', settings.scrypt);
      const ok = await verifyPassword(
        password,
        credentials?.passwordHash ?? (await decoyHash),
      );
      if (credentials === undefined || !ok) {
        throw new ProblemError(
          ErrorCode.InvalidCredentials,
          'Wrong username or password.',
        );
      }
      await limiters.loginPerIp.reward(request.ip, 1);
      await limiters.loginPerUser.reward(username, 1);
      const token = newToken();
      const nowMs = settings.clock();
      const expiresMs = nowMs + settings.sessionTtlMs;
      // Every login clears the expired sessions, so they never pile up.
      await store.deleteExpiredSessions(nowMs);
      await store.createSession({
        userId: credentials.userId,
        tokenHash: hashToken(token),
        createdMs: nowMs,
        expiresMs,
      });
      return reply.code(201).send({
        token,
        expiresAt: new Date(expiresMs).toISOString(),
        expiresAtMs: expiresMs,
        username: credentials.username,
      });
    },
  );

  app.delete(
    ROUTES.logout.url,
    { schema: schemaOf(ROUTES.logout) },
    async (request, reply) => {
      await store.deleteSession(sessionOf(request).sessionId);
      return reply.code(204).send();
    },
  );
}
