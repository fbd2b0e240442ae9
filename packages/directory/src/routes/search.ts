import type { SearchQuery } from '../api/index.js';
import { ErrorCode, LIMITS, ROUTES } from '../api/index.js';
import type { App, RouteContext } from '../context.js';
import { schemaOf } from '../context.js';
import { checkCursor, decodeCursor, encodeCursor } from '../cursor.js';
import { ProblemError } from '../problems.js';
import { searchWords } from '../search-words.js';
import type { SearchPosition } from '../store/store.js';

const MAX_TERMS = 16;

function invalidQuery(name: string, message: string): ProblemError {
  return new ProblemError(
    ErrorCode.ValidationFailed,
    `querystring/${name}: ${message}`,
    { errors: [{ in: 'querystring', pointer: `/${name}`, message }] },
  );
}

function isPosition(value: unknown): value is [number, number, string] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isInteger(value[1]) &&
    typeof value[2] === 'string' &&
    /^[0-9a-f]{64}$/.test(value[2])
  );
}

function scopeOf(terms: readonly string[], query: SearchQuery): string {
  const ext = query.ext?.replace(/^\./, '').toLowerCase() ?? '';
  return JSON.stringify([terms, ext, query.minSize, query.maxSize]);
}

/** Search and the sources of one file. */
export function registerSearchRoutes(app: App, context: RouteContext): void {
  const { store, settings } = context;

  app.get(
    ROUTES.search.url,
    { schema: schemaOf(ROUTES.search) },
    async (request) => {
      const query = request.query;
      const terms = searchWords(query.q);
      if (terms.length > MAX_TERMS) {
        throw invalidQuery('q', `must have at most ${MAX_TERMS} words`);
      }
      const scope = scopeOf(terms, query);
      const limit = query.limit ?? LIMITS.searchLimitDefault;
      let after: SearchPosition | null = null;
      if (query.cursor !== undefined) {
        const at = decodeCursor(query.cursor, 'search', scope);
        checkCursor(isPosition(at));
        const [score, sources, sha256] = at as [number, number, string];
        after = { score, sources, sha256 };
      }
      if (
        query.minSize !== undefined &&
        query.maxSize !== undefined &&
        query.minSize > query.maxSize
      ) {
        throw invalidQuery('minSize', 'must not exceed maxSize');
      }
      const { hits, passedOverAt } = await store.search({
        terms,
        sinceMs: settings.clock() - settings.peerTtlMs,
        limit: limit + 1,
        after,
        minSize: query.minSize ?? null,
        maxSize: query.maxSize ?? null,
        ext: query.ext?.replace(/^\./, '').toLowerCase() ?? null,
      });
      const page = hits.slice(0, limit);
      const last = page[page.length - 1];
      const more = hits.length > limit && last !== undefined;
      return {
        results: page.map(({ score: _score, ...result }) => result),
        nextCursor: more
          ? encodeCursor('search', scope, [
              last.score,
              last.sources,
              last.sha256,
            ])
          : null,
        truncated:
          passedOverAt !== null && (!more || passedOverAt <= last.score),
      };
    },
  );

  app.get(
    ROUTES.sources.url,
    { schema: schemaOf(ROUTES.sources) },
    async (request) => {
      const { sha256 } = request.params;
      const record = await store.sources(
        sha256,
        settings.clock() - settings.peerTtlMs,
      );
      return { sha256, ...record };
    },
  );
}
