import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RouteSpec } from './api/index.js';
import type { DirectorySettings } from './settings.js';
import type { DirectoryStore, SessionRecord } from './store/store.js';

/** The Fastify instance with TypeBox type inference. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every route module gets. */
export interface RouteContext {
  store: DirectoryStore;
  settings: DirectorySettings;
  limiters: Limiters;
  version: string;
}

export interface Limiters {
  loginPerUser: RateLimiterMemory;
  loginPerIp: RateLimiterMemory;
  registerPerIp: RateLimiterMemory;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's session, on routes that need a token. */
    session: SessionRecord | null;
  }
}

/** Fastify route schema parts of a route of the table (absent parts omitted). */
export function schemaOf<S extends RouteSpec>(spec: S) {
  const parts: Record<string, unknown> = {
    operationId: spec.operationId,
    summary: spec.summary,
  };
  if (spec.auth) parts['security'] = [{ bearer: [] }];
  if (spec.body !== undefined) parts['body'] = spec.body;
  if (spec.querystring !== undefined) parts['querystring'] = spec.querystring;
  if (spec.params !== undefined) parts['params'] = spec.params;
  // A route without a body (204) still names its status, so the OpenAPI
  // document does not fall back to a "200 Default Response".
  parts['response'] = {
    [spec.successStatus]: spec.response ?? {
      type: 'null',
      description: 'No Content',
    },
  };
  return parts as {
    operationId: string;
    summary: string;
    body: S['body'];
    querystring: S['querystring'];
    params: S['params'];
    response: { [K in S['successStatus']]: NonNullable<S['response']> };
  };
}

/** The session of an authenticated route (set by the auth hook). */
export function sessionOf(request: {
  session: SessionRecord | null;
}): SessionRecord {
  if (request.session === null) {
    throw new Error('route needs authentication but has no session');
  }
  return request.session;
}
