import type { Database, Statement } from 'better-sqlite3';
import type {
  SearchPosition,
  SourcesRecord,
  StoreSearchHit,
  StoreSearchQuery,
} from '../store.js';

/**
 * The FTS5 MATCH expression for a list of words: every word quoted (so no
 * user text is ever read as FTS5 syntax) and, from two characters on,
 * matched as a prefix. Words are ANDed.
 */
export function matchExpression(terms: readonly string[]): string {
  return terms
    .map((term) => {
      const quoted = `"${term.replace(/"/g, '""')}"`;
      return term.length >= 2 ? `${quoted}*` : quoted;
    })
    .join(' ');
}

interface MatchRow {
  score: number;
  sha: Buffer;
  name: string;
  ext: string | null;
  sources: number | null;
  size: number | null;
  piecesRoot: Buffer | null;
}

interface Group {
  sha256: string;
  sha: Buffer;
  score: number;
  name: string;
  sources: number;
  size: number;
  piecesRoot: string;
}

const NAMES_PER_RESULT = 20;
const FIRST_FETCH = 256;
const FETCH_GROWTH = 8;

function compareGroups(a: SearchPosition, b: SearchPosition): number {
  if (a.score !== b.score) return a.score < b.score ? -1 : 1;
  if (a.sources !== b.sources) return b.sources - a.sources;
  return a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0;
}

/**
 * Search over the FTS5 index of distinct (sha256, name) pairs.
 *
 * Results are ordered by (bm25 of the best-matching name, online sources
 * descending, sha256), which is also the cursor. FTS5 hands out the K best
 * name rows by bm25 cheaply (`ORDER BY rank LIMIT K`); the rows are grouped
 * by sha256 in that order, so each file's first row is its best. A file is
 * final once its score is below the score of the K-th row (rows tied with
 * the K-th may be cut off); when fewer than a page of final files follow
 * the cursor, K grows eightfold and the query runs again. The online source
 * count comes from `contents`, kept up to date on announce, logout, expiry
 * and index writes, so ranking needs no join over peers.
 */
export class Searcher {
  private readonly matches: Statement<{ match: string; k: number }, MatchRow>;
  private readonly onlineNames: Statement<[Buffer], { name: string }>;
  private readonly sourceRows: Statement<
    [Buffer, number],
    {
      username: string;
      host: string;
      port: number;
      last_seen_ms: number;
      size: number;
      pieces_root: Buffer;
    }
  >;

  constructor(db: Database) {
    this.matches = db.prepare(`
      WITH m AS MATERIALIZED (
        SELECT rowid AS name_id, rank AS score FROM names_fts
        WHERE names_fts MATCH @match ORDER BY rank LIMIT @k
      )
      SELECT m.score, n.sha256 AS sha, n.name, n.ext,
        c.online_sources AS sources, c.size, c.pieces_root AS piecesRoot
      FROM m JOIN names n ON n.id = m.name_id
      LEFT JOIN contents c ON c.sha256 = n.sha256
      ORDER BY m.score`);
    this.onlineNames = db.prepare(`
      SELECT n.name FROM names n WHERE n.sha256 = ?
      AND EXISTS (SELECT 1 FROM files f JOIN peers p ON p.user_id = f.user_id
        WHERE f.name_id = n.id AND p.counted = 1)
      LIMIT ${NAMES_PER_RESULT}`);
    this.sourceRows = db.prepare(`
      SELECT u.username, p.host, p.port, p.last_seen_ms,
        f.size, f.pieces_root
      FROM names n
      JOIN files f ON f.name_id = n.id
      JOIN peers p ON p.user_id = f.user_id
      JOIN users u ON u.id = f.user_id
      WHERE n.sha256 = ? AND p.last_seen_ms >= ?
      ORDER BY p.last_seen_ms DESC, u.username`);
  }

  search(query: StoreSearchQuery): StoreSearchHit[] {
    if (query.terms.length === 0) return [];
    const match = matchExpression(query.terms);
    for (let k = FIRST_FETCH; ; k *= FETCH_GROWTH) {
      const rows = this.matches.all({ match, k });
      const exhausted = rows.length < k;
      const boundary = exhausted
        ? Infinity
        : (rows[rows.length - 1]?.score ?? Infinity);
      const page = this.finalGroups(rows, query, boundary);
      if (exhausted || page.length >= query.limit) {
        return page.slice(0, query.limit).map((group) => this.hit(group));
      }
    }
  }

  /** Files whose rank is final, after the cursor, in order. */
  private finalGroups(
    rows: readonly MatchRow[],
    query: StoreSearchQuery,
    boundary: number,
  ): Group[] {
    const groups = new Map<string, Group>();
    for (const row of rows) {
      if (row.score >= boundary) break;
      if (!this.passes(row, query)) continue;
      const sha256 = row.sha.toString('hex');
      if (groups.has(sha256)) continue;
      groups.set(sha256, {
        sha256,
        sha: row.sha,
        score: row.score,
        name: row.name,
        sources: row.sources ?? 0,
        size: row.size ?? 0,
        piecesRoot: row.piecesRoot?.toString('hex') ?? '',
      });
    }
    const after = query.after;
    const page = [...groups.values()].filter(
      (group) => after === null || compareGroups(group, after) > 0,
    );
    return page.sort(compareGroups);
  }

  private passes(row: MatchRow, query: StoreSearchQuery): boolean {
    if (row.sources === null || row.sources <= 0) return false;
    if (query.ext !== null && row.ext !== query.ext) return false;
    const size = row.size ?? 0;
    if (query.minSize !== null && size < query.minSize) return false;
    return query.maxSize === null || size <= query.maxSize;
  }

  sources(sha256: string, sinceMs: number): SourcesRecord {
    const rows = this.sourceRows.all(Buffer.from(sha256, 'hex'), sinceMs);
    const seen = new Set<string>();
    const sources: SourcesRecord['sources'] = [];
    for (const row of rows) {
      if (seen.has(row.username)) continue;
      seen.add(row.username);
      sources.push({
        username: row.username,
        host: row.host,
        port: row.port,
        lastSeenMs: row.last_seen_ms,
      });
    }
    const first = rows[0];
    return {
      size: first?.size ?? null,
      piecesRoot: first?.pieces_root.toString('hex') ?? null,
      sources,
    };
  }

  private hit(group: Group): StoreSearchHit {
    const names = new Set<string>([group.name]);
    for (const row of this.onlineNames.all(group.sha)) {
      if (names.size >= NAMES_PER_RESULT) break;
      names.add(row.name);
    }
    return {
      sha256: group.sha256,
      score: group.score,
      name: group.name,
      names: [...names],
      size: group.size,
      piecesRoot: group.piecesRoot,
      sources: group.sources,
    };
  }
}
