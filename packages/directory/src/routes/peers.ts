import { ErrorCode, LIMITS, ROUTES } from '../api/index.js';
import { hostProblem, unmapIpv4 } from '../address.js';
import type { App, RouteContext } from '../context.js';
import { schemaOf, sessionOf } from '../context.js';
import { checkCursor, decodeCursor, encodeCursor } from '../cursor.js';
import { ProblemError } from '../problems.js';
import { sessionReplacedProblem } from './replaced.js';

/** Announce/heartbeat and the list of online peers. */
export function registerPeerRoutes(app: App, context: RouteContext): void {
  const { store, settings } = context;

  app.put(
    ROUTES.announce.url,
    { schema: schemaOf(ROUTES.announce) },
    async (request) => {
      const session = sessionOf(request);
      const host = unmapIpv4(request.body.host ?? request.ip);
      const problem = hostProblem(host);
      if (problem !== null) {
        throw new ProblemError(
          ErrorCode.InvalidAddress,
          `host "${host}" cannot be announced: ${problem}.`,
        );
      }
      const nowMs = settings.clock();
      const announced = await store.announce({
        userId: session.userId,
        sessionId: session.sessionId,
        host,
        port: request.body.port,
        nowMs,
      });
      if (!announced) throw sessionReplacedProblem();
      return {
        username: session.username,
        host,
        port: request.body.port,
        lastSeenMs: nowMs,
        ttlMs: settings.peerTtlMs,
        onlineUntilMs: nowMs + settings.peerTtlMs,
      };
    },
  );

  app.get(
    ROUTES.listPeers.url,
    { schema: schemaOf(ROUTES.listPeers) },
    async (request) => {
      const limit = request.query.limit ?? LIMITS.peersLimitDefault;
      let after: string | null = null;
      if (request.query.cursor !== undefined) {
        const at = decodeCursor(request.query.cursor, 'peers', '');
        checkCursor(typeof at === 'string');
        after = at as string;
      }
      const peers = await store.listOnlinePeers({
        sinceMs: settings.clock() - settings.peerTtlMs,
        afterUsername: after,
        limit: limit + 1,
      });
      const page = peers.slice(0, limit);
      const last = page[page.length - 1];
      return {
        peers: page,
        nextCursor:
          peers.length > limit && last !== undefined
            ? encodeCursor('peers', '', last.username)
            : null,
      };
    },
  );
}
