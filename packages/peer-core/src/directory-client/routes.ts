import type { LIMITS, RoutePath } from '@ferry/directory/api';

/**
 * The directory's route paths. The contract is imported as types only and
 * every path is checked against its `RoutePath` enum when compiling:
 * loading `@ferry/directory/api` at run time would load TypeBox, about half
 * a second on every CLI call.
 */
export const ROUTES = {
  health: '/v1/health',
  users: '/v1/users',
  sessions: '/v1/sessions',
  currentSession: '/v1/sessions/current',
  peers: '/v1/peers',
  me: '/v1/peers/me',
  myFiles: '/v1/peers/me/files',
  peerFiles: '/v1/peers/:username/files',
  search: '/v1/search',
  sources: '/v1/files/:sha256/sources',
} as const satisfies Record<string, `${RoutePath}`>;

/** Page sizes: the largest the directory accepts (checked against `LIMITS`). */
export const PAGE_LIMITS: {
  peers: (typeof LIMITS)['peersLimitMax'];
  files: (typeof LIMITS)['filesLimitMax'];
  search: (typeof LIMITS)['searchLimitMax'];
} = { peers: 1000, files: 5000, search: 200 };

/** Fills the `:params` of a route path, URL-encoding each value. */
export function fillRoute(
  path: `${RoutePath}`,
  params: Readonly<Record<string, string>>,
): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, key: string) =>
    encodeURIComponent(params[key] ?? ''),
  );
}
