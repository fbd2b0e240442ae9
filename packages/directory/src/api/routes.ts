import type { TSchema } from 'typebox';
import { ProblemSchema } from './errors.js';
import {
  AnnounceBodySchema,
  AnnounceResponseSchema,
  HealthResponseSchema,
  IndexSummarySchema,
  ListFilesQuerySchema,
  ListFilesResponseSchema,
  ListPeersQuerySchema,
  ListPeersResponseSchema,
  LoginBodySchema,
  PatchFilesBodySchema,
  PutFilesBodySchema,
  RegisterBodySchema,
  SearchQuerySchema,
  SearchResponseSchema,
  SessionSchema,
  Sha256ParamsSchema,
  SourcesResponseSchema,
  UsernameParamsSchema,
  UserSchema,
} from './schemas.js';

/** The header that carries the session: `Authorization: Bearer <token>`. */
export const AUTH_HEADER = 'authorization';

/** Paths of the routes, with `:param` placeholders (Fastify syntax). */
export enum RoutePath {
  Health = '/v1/health',
  OpenApi = '/v1/openapi.json',
  Users = '/v1/users',
  Sessions = '/v1/sessions',
  CurrentSession = '/v1/sessions/current',
  Peers = '/v1/peers',
  Me = '/v1/peers/me',
  MyFiles = '/v1/peers/me/files',
  PeerFiles = '/v1/peers/:username/files',
  Search = '/v1/search',
  Sources = '/v1/files/:sha256/sources',
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route: what it takes, what it answers, whether it needs a token. */
export interface RouteSpec {
  method: HttpMethod;
  url: RoutePath;
  operationId: string;
  summary: string;
  /** Needs `Authorization: Bearer <token>`; 401 `UNAUTHORIZED` otherwise. */
  auth: boolean;
  /** Status of the success response. */
  successStatus: 200 | 201 | 204;
  body?: TSchema;
  querystring?: TSchema;
  params?: TSchema;
  /** Success response body; absent for 204. */
  response?: TSchema;
}

/**
 * Every route of `/v1` (the OpenAPI document itself aside). The server
 * registers its handlers against this table, so the schemas here are the
 * ones it validates with and publishes.
 */
export const ROUTES = {
  health: {
    method: 'GET',
    url: RoutePath.Health,
    operationId: 'getHealth',
    summary: 'Liveness and version.',
    auth: false,
    successStatus: 200,
    response: HealthResponseSchema,
  },
  register: {
    method: 'POST',
    url: RoutePath.Users,
    operationId: 'register',
    summary: 'Create an account.',
    auth: false,
    successStatus: 201,
    body: RegisterBodySchema,
    response: UserSchema,
  },
  login: {
    method: 'POST',
    url: RoutePath.Sessions,
    operationId: 'login',
    summary: 'Log in: returns a bearer token.',
    auth: false,
    successStatus: 201,
    body: LoginBodySchema,
    response: SessionSchema,
  },
  logout: {
    method: 'DELETE',
    url: RoutePath.CurrentSession,
    operationId: 'logout',
    summary: 'End this session; its peer goes offline at once.',
    auth: true,
    successStatus: 204,
  },
  announce: {
    method: 'PUT',
    url: RoutePath.Me,
    operationId: 'announce',
    summary: "Announce this peer's gRPC address; also the heartbeat.",
    auth: true,
    successStatus: 200,
    body: AnnounceBodySchema,
    response: AnnounceResponseSchema,
  },
  listPeers: {
    method: 'GET',
    url: RoutePath.Peers,
    operationId: 'listPeers',
    summary: 'Online peers with the totals of their index.',
    auth: true,
    successStatus: 200,
    querystring: ListPeersQuerySchema,
    response: ListPeersResponseSchema,
  },
  putFiles: {
    method: 'PUT',
    url: RoutePath.MyFiles,
    operationId: 'replaceIndex',
    summary: "Replace this peer's whole index.",
    auth: true,
    successStatus: 200,
    body: PutFilesBodySchema,
    response: IndexSummarySchema,
  },
  patchFiles: {
    method: 'PATCH',
    url: RoutePath.MyFiles,
    operationId: 'changeIndex',
    summary: 'Remove entries by path, then add or replace entries.',
    auth: true,
    successStatus: 200,
    body: PatchFilesBodySchema,
    response: IndexSummarySchema,
  },
  listFiles: {
    method: 'GET',
    url: RoutePath.PeerFiles,
    operationId: 'listPeerFiles',
    summary: "One page of a peer's index, by path.",
    auth: true,
    successStatus: 200,
    params: UsernameParamsSchema,
    querystring: ListFilesQuerySchema,
    response: ListFilesResponseSchema,
  },
  search: {
    method: 'GET',
    url: RoutePath.Search,
    operationId: 'search',
    summary: 'Search file names; one result per file.',
    auth: true,
    successStatus: 200,
    querystring: SearchQuerySchema,
    response: SearchResponseSchema,
  },
  sources: {
    method: 'GET',
    url: RoutePath.Sources,
    operationId: 'getSources',
    summary: 'Online peers holding a file.',
    auth: true,
    successStatus: 200,
    params: Sha256ParamsSchema,
    response: SourcesResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** The schema of every error response. */
export const ERROR_RESPONSE_SCHEMA = ProblemSchema;

/** Fills `:params` of a route path, URL-encoding each value. */
export function routeUrl(
  path: RoutePath,
  params: Readonly<Record<string, string>> = {},
): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, key: string) => {
    const value = params[key];
    if (value === undefined) {
      throw new TypeError(`routeUrl: missing parameter "${key}"`);
    }
    return encodeURIComponent(value);
  });
}
