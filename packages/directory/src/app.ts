import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type {
  FastifyError,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { FieldError } from './api/index.js';
import {
  ErrorCode,
  PROBLEM_CONTENT_TYPE,
  ROUTES,
  RoutePath,
} from './api/index.js';
import { hashToken, bearerToken } from './auth/tokens.js';
import type { App, Limiters, RouteContext } from './context.js';
import { registerOpenApi } from './openapi.js';
import { answerClientError } from './client-error.js';
import { refuseWhileClosing } from './closing.js';
import { refuseConnect } from './connect-method.js';
import { requireHostHeader } from './host-header.js';
import { closeStragglersAfter } from './shutdown-grace.js';
import { refuseBadQueryEncoding } from './query-encoding.js';
import { ProblemError, problemBody } from './problems.js';
import { registerAccountRoutes } from './routes/accounts.js';
import { registerFileRoutes } from './routes/files.js';
import { registerPeerRoutes } from './routes/peers.js';
import { registerSearchRoutes } from './routes/search.js';
import { compileValidator } from './request-validator.js';
import type { DirectorySettings } from './settings.js';
import { resolveSettings } from './settings.js';
import type { SqliteSynchronous } from './store/sqlite/sqlite-store.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import type { DirectoryStore } from './store/store.js';
import { packageVersion } from './version.js';
import { parseJsonBodies } from './json-body.js';

export interface BuildAppOptions extends Partial<DirectorySettings> {
  /** The store to use; the app does not close a store it was given. */
  store?: DirectoryStore;
  /** Else: the SQLite file to open (and close with the app). */
  dbPath?: string;
  synchronous?: SqliteSynchronous;
  /** Fastify's logger option; off by default. */
  logger?: FastifyServerOptions['logger'];
  /** Trust `X-Forwarded-For` (behind a reverse proxy). */
  trustProxy?: boolean;
}

/**
 * Builds the directory's Fastify app with every route of `/v1`. It never
 * listens: tests call `app.inject`, `startDirectory` calls `listen`.
 */
export function buildApp(options: BuildAppOptions = {}): App {
  const settings = resolveSettings(options);
  const ownsStore = options.store === undefined;
  const store =
    options.store ??
    new SqliteStore({
      file: options.dbPath ?? ':memory:',
      synchronous: options.synchronous,
    });
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Headers must arrive within 60 s and a whole request within
    // requestTimeoutMs (else a 408, see client-error.ts), checked every
    // second or so.
    requestTimeout: settings.requestTimeoutMs,
    http: {
      // A request without Host gets a problem, see host-header.ts.
      requireHostHeader: false,
      headersTimeout: Math.min(60_000, settings.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(
        1_000,
        settings.requestTimeoutMs / 4,
      ),
    },
    routerOptions: { maxParamLength: 256 },
    // Shutdown and unparseable requests are problems too (see below and
    // client-error.ts), not Fastify's own JSON.
    return503OnClosing: false,
    clientErrorHandler: answerClientError,
    // A URL the router cannot decode: a problem like every other error.
    frameworkErrors: (error, _request, reply) => {
      void sendProblem(
        reply,
        new ProblemError(ErrorCode.ValidationFailed, `url: ${error.message}`),
      );
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Bodies are JSON only: a text/plain body is a 415, not a string that
  // fails validation.
  app.removeContentTypeParser('text/plain');
  parseJsonBodies(app);

  app.setValidatorCompiler(compileValidator);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.decorateRequest('session', null);
  const closing = refuseWhileClosing(app);
  requireHostHeader(app);
  refuseBadQueryEncoding(app);
  refuseConnect(app, closing);
  closeStragglersAfter(app, settings.shutdownGraceMs);
  app.addHook('onClose', async () => {
    if (ownsStore) await store.close();
  });

  const context: RouteContext = {
    store,
    settings,
    limiters: makeLimiters(settings),
    version: packageVersion(),
  };
  registerOpenApi(app, context);
  // Routes live in a plugin registered after @fastify/swagger, so that the
  // OpenAPI document sees every one of them.
  void app.register(async (instance) => {
    const api = instance.withTypeProvider<TypeBoxTypeProvider>();
    api.addHook('onRequest', authHook(context));
    registerAccountRoutes(api, context);
    registerPeerRoutes(api, context);
    registerFileRoutes(api, context);
    registerSearchRoutes(api, context);
    return Promise.resolve();
  });
  return app;
}

function makeLimiters(settings: DirectorySettings): Limiters {
  const limiter = (name: string, limit: DirectorySettings['loginLimitPerIp']) =>
    new RateLimiterMemory({
      keyPrefix: name,
      points: limit.points,
      duration: limit.durationSeconds,
    });
  return {
    loginPerUser: limiter('login-user', settings.loginLimitPerUser),
    loginPerIp: limiter('login-ip', settings.loginLimitPerIp),
    registerPerIp: limiter('register-ip', settings.registerLimitPerIp),
  };
}

const AUTH_URLS = new Set<string>(
  Object.values(ROUTES)
    .filter((spec) => spec.auth)
    .map((spec) => `${spec.method} ${spec.url}`),
);

/** Rejects requests to token-only routes without a live session. */
function authHook(context: RouteContext) {
  return async (request: FastifyRequest): Promise<void> => {
    // Fastify answers HEAD with each GET route's handler, so HEAD needs
    // the GET route's token too.
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const key = `${method} ${request.routeOptions.url ?? ''}`;
    if (!AUTH_URLS.has(key)) return;
    const header = request.headers.authorization;
    const token = bearerToken(header);
    if (token === undefined) {
      throw new ProblemError(
        ErrorCode.Unauthorized,
        header === undefined
          ? 'This route needs an Authorization: Bearer <token> header.'
          : 'The Authorization header is not "Bearer <token>" with a token of 1 to 512 characters from A-Z a-z 0-9 . _ ~ + / = -.',
      );
    }
    const session = await context.store.findSession(
      hashToken(token),
      context.settings.clock(),
    );
    if (session === undefined) {
      throw new ProblemError(
        ErrorCode.Unauthorized,
        'The token is unknown, expired or logged out.',
      );
    }
    request.session = session;
  };
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldErrors(
  part: string,
  issues: readonly ValidationIssue[],
): FieldError[] {
  return issues.map((issue) => {
    const extra = issue.params?.['additionalProperties'];
    const pointer =
      Array.isArray(extra) && typeof extra[0] === 'string'
        ? `${issue.instancePath ?? ''}/${extra[0]}`
        : (issue.instancePath ?? '');
    return { in: part, pointer, message: issue.message ?? 'is invalid' };
  });
}

/** The 413 of a body over `limit` bytes. */
function tooLarge(limit: number): ProblemError {
  return new ProblemError(
    ErrorCode.PayloadTooLarge,
    `The request body is over this route’s limit of ${limit.toLocaleString('en-US')} bytes.`,
  );
}

/**
 * Maps any error to problem+json with a stable code; `bodyLimit` is the
 * route's largest body in bytes.
 */
function toProblem(error: FastifyError, bodyLimit: number): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error.validation !== undefined) {
    const part = error.validationContext ?? 'request';
    const errors = fieldErrors(part, error.validation);
    const first = errors[0];
    const where = first === undefined ? part : `${part}${first.pointer}`;
    return new ProblemError(
      ErrorCode.ValidationFailed,
      `${where}: ${first?.message ?? 'is invalid'}`,
      { errors },
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ProblemError(ErrorCode.MalformedJson, error.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge(bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError(
        ErrorCode.UnsupportedMediaType,
        'Send the body as application/json.',
      );
    default:
      break;
  }
  if (error.code === 'SQLITE_BUSY') {
    return new ProblemError(
      ErrorCode.Unavailable,
      'The database is busy; try again.',
      { retryAfterSeconds: 1 },
    );
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new ProblemError(ErrorCode.MalformedJson, error.message);
  }
  if (error.statusCode === 413) return tooLarge(bodyLimit);
  if (error.statusCode === 415) {
    return new ProblemError(ErrorCode.UnsupportedMediaType, error.message);
  }
  return new ProblemError(ErrorCode.Internal, 'The directory failed.');
}

/** Sends a problem+json response. */
export function sendProblem(
  reply: FastifyReply,
  problem: ProblemError,
): FastifyReply {
  if (problem.extra.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(problem.extra.retryAfterSeconds));
  }
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problemBody(problem));
}

function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const problem = toProblem(error, request.routeOptions.bodyLimit);
  if (problem.status >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else {
    request.log.warn({ code: problem.code }, problem.detail);
  }
  return sendProblem(reply, problem);
}

/** Every route: the API's, and the OpenAPI document (not in `ROUTES`). */
const ROUTE_PATTERNS = [
  ...Object.values(ROUTES),
  { method: 'GET', url: RoutePath.OpenApi },
].map((spec) => ({
  method: String(spec.method),
  pattern: new RegExp(`^${spec.url.replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`),
}));

function handleNotFound(
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const path = request.url.split('?')[0] ?? '';
  const allowed = ROUTE_PATTERNS.filter((route) =>
    route.pattern.test(path),
  ).flatMap((route) =>
    route.method === 'GET' ? ['GET', 'HEAD'] : [route.method],
  );
  if (allowed.length > 0) reply.header('allow', allowed.join(', '));
  return sendProblem(
    reply,
    allowed.length > 0
      ? new ProblemError(
          ErrorCode.MethodNotAllowed,
          `${request.method} is not allowed on ${path}.`,
        )
      : new ProblemError(ErrorCode.NotFound, `No route ${path}.`),
  );
}
