import type { Database, Statement } from 'better-sqlite3';
import { SCORE_UNIT, searchKey } from './name-score.js';
import type {
  SearchPosition,
  SourcesRecord,
  StoreSearchHit,
  StoreSearchPage,
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

/** What {@link Searcher} reads matching names with. */
interface MatchParams {
  match: string;
  /** The first key to read. */
  from: number;
  /** At most this many names. */
  k: number;
  ext: string | null;
  minSize: number | null;
  maxSize: number | null;
}

interface MatchRow {
  key: number;
  nameId: number;
  sha: Buffer;
  name: string;
  ext: string | null;
  sources: number;
  size: number;
  piecesRoot: Buffer;
  /** 0 when every index entry of the file claims `size` and `piecesRoot`. */
  disputed: number;
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

interface EarlierName {
  sha: Buffer;
  start: number;
  ext: string | null;
  match: string;
}

const NAMES_PER_RESULT = 20;
/** SQL: name `n` is in the index of at least one online peer. */
const ONLINE_NAME = `EXISTS (SELECT 1 FROM files f
  JOIN peers p ON p.user_id = f.user_id
  WHERE f.name_id = n.id AND p.counted = 1)`;
/**
 * The first read is this many rows per wanted result, and at least one
 * more than {@link NAMES_PER_SCORE}; then ×4 up to MAX_FETCH.
 */
const FIRST_FETCH_PER_RESULT = 2;
const MAX_FETCH = 256;
/**
 * At most this many names of one score take part in a search (the first
 * ones by id, the same on every page); the rest of such a tie is passed
 * over. Only very common words have ties this large, and without the cap
 * ranking them by sources would read thousands of names per search. Names
 * the query itself passes over (no online source, another extension, a
 * size out of range) do not count, so they never hide a file the search
 * asks for.
 */
const NAMES_PER_SCORE = 128;

function compareGroups(a: SearchPosition, b: SearchPosition): number {
  if (a.score !== b.score) return a.score < b.score ? -1 : 1;
  if (a.sources !== b.sources) return b.sources - a.sources;
  return a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0;
}

/** The matches of one search so far, one group per file, best first. */
class Collected {
  constructor(readonly match: string) {}
  readonly groups = new Map<string, Group | null>();
  /** Scores below this are final: every name with a lower key was read. */
  boundary = 0;
  /** The score being read and how many of its names were read. */
  score = -1;
  namesOfScore = 0;
  /** The first score whose names were cut at {@link NAMES_PER_SCORE}. */
  passedOverAt: number | null = null;
}

/**
 * Search over the FTS5 index of distinct (sha256, name) pairs.
 *
 * Results are ordered by (static score of the best-matching name, online
 * sources descending, sha256), which is also the cursor; the score is the
 * name's length in words, then in characters (see `name-score.ts`). The
 * index is keyed by score × 2^32 + names id, so FTS5 reads the matches best
 * first and a search stops once a page is final, whatever the number of
 * matching names: a very common word costs a page, not a ranking of every
 * match. The query itself passes over names of files with no online
 * source, another extension or (unless disputed) a size out of range, so
 * a filter that few names pass costs one scan of the matches inside
 * SQLite (~0.5–1 µs a name), not a query per page of them. Rows are grouped by sha256 in key order, so each file's first row
 * is its best; a score is final once a row with a higher one was read.
 * Reading resumes at the cursor's score; a file first met there whose best
 * name lies before it was on an earlier page and is skipped. Of names tied
 * on one score only the first {@link NAMES_PER_SCORE} that pass the
 * extension and size filters with an online source take part, and the
 * page says where names were passed over. A name
 * matches only while an online peer shares the file under it. The online
 * source count comes from `contents`, kept up to date on announce, logout,
 * expiry and index writes, so ranking needs no join over peers.
 */
export class Searcher {
  private readonly matches: Statement<MatchParams, MatchRow>;
  private readonly earlierName: Statement<EarlierName, { one: number }>;
  private readonly nameOnline: Statement<[number], { one: number }>;
  private readonly otherClaim: Statement<
    [Buffer, number, number, Buffer],
    { one: number }
  >;
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
      SELECT names_fts.rowid AS key, n.id AS nameId, n.sha256 AS sha,
        n.name, n.ext, c.online_sources AS sources, c.size,
        c.pieces_root AS piecesRoot, c.disputed
      FROM names_fts
      JOIN names n ON n.id = names_fts.rowid % ${SCORE_UNIT}
      JOIN contents c ON c.sha256 = n.sha256
      WHERE names_fts MATCH @match AND names_fts.rowid >= @from
        AND c.online_sources > 0
        AND (@ext IS NULL OR n.ext = @ext)
        AND (c.disputed != 0 OR (
          (@minSize IS NULL OR c.size >= @minSize)
          AND (@maxSize IS NULL OR c.size <= @maxSize)))
      ORDER BY names_fts.rowid LIMIT @k`);
    this.earlierName = db.prepare(`
      SELECT 1 AS one FROM names n
      WHERE n.sha256 = @sha AND n.score * ${SCORE_UNIT} + n.id < @start
        AND (@ext IS NULL OR n.ext = @ext)
        AND EXISTS (SELECT 1 FROM names_fts WHERE names_fts MATCH @match
          AND rowid = n.score * ${SCORE_UNIT} + n.id)
        AND ${ONLINE_NAME}
      LIMIT 1`);
    this.nameOnline = db.prepare(
      `SELECT 1 AS one FROM names n WHERE n.id = ? AND ${ONLINE_NAME}`,
    );
    this.otherClaim = db.prepare(`
      SELECT 1 AS one FROM names n
      JOIN files f ON f.name_id = n.id
      JOIN peers p ON p.user_id = f.user_id
      WHERE n.sha256 = ? AND p.last_seen_ms >= ?
        AND (f.size != ? OR f.pieces_root != ?)
      LIMIT 1`);
    this.onlineNames = db.prepare(`
      SELECT n.name FROM names n WHERE n.sha256 = ? AND ${ONLINE_NAME}
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

  search(query: StoreSearchQuery): StoreSearchPage {
    if (query.terms.length === 0) return { hits: [], passedOverAt: null };
    const match = matchExpression(query.terms);
    const start = query.after === null ? 0 : searchKey(query.after.score, 0);
    const collected = new Collected(match);
    let from = start;
    const first = Math.min(
      Math.max(query.limit * FIRST_FETCH_PER_RESULT, NAMES_PER_SCORE + 1),
      MAX_FETCH,
    );
    for (let k = first; ; k = Math.min(k * 4, MAX_FETCH)) {
      const next = this.read(
        collected,
        query,
        {
          match,
          from,
          k,
          ext: query.ext,
          minSize: query.minSize,
          maxSize: query.maxSize,
        },
        start,
      );
      const page = finalPage(collected, query.after);
      if (next === null || page.length >= query.limit) {
        return {
          hits: page.slice(0, query.limit).map((group) => this.hit(group)),
          passedOverAt: collected.passedOverAt,
        };
      }
      from = next;
    }
  }

  /**
   * Reads up to `k` matching names from key `from` on; returns the key to
   * read on from, or null when no name is left.
   */
  private read(
    collected: Collected,
    query: StoreSearchQuery,
    params: MatchParams,
    start: number,
  ): number | null {
    const rows = this.matches.all(params);
    for (const row of rows) {
      const score = scoreOf(row.key);
      if (score !== collected.score) {
        collected.score = score;
        collected.namesOfScore = 0;
      }
      if (this.outOfSize(row, query)) continue;
      collected.namesOfScore += 1;
      if (collected.namesOfScore > NAMES_PER_SCORE) {
        collected.passedOverAt ??= score;
        collected.boundary = score + 1;
        return searchKey(score + 1, 0);
      }
      this.collect(row, collected, query, start);
    }
    const last = rows[rows.length - 1];
    if (rows.length < params.k || last === undefined) {
      collected.boundary = Infinity;
      return null;
    }
    collected.boundary = scoreOf(last.key);
    return last.key + 1;
  }

  /**
   * Whether a row's file is surely outside the size filter. The query
   * passes over files out of range unless they are disputed; a disputed one
   * is out if its first indexed size is and no online source claims
   * another size or root (else {@link collect} reads the claim most
   * sources make).
   */
  private outOfSize(row: MatchRow, query: StoreSearchQuery): boolean {
    return (
      !withinSize(row.size, query) && !this.disputedOnline(row, query.sinceMs)
    );
  }

  /**
   * Whether an online source claims another size or pieces root for the
   * row's file than its first indexed claim. Only a file marked disputed
   * costs a query.
   */
  private disputedOnline(row: MatchRow, sinceMs: number): boolean {
    if (row.disputed === 0) return false;
    return (
      this.otherClaim.get(row.sha, sinceMs, row.size, row.piecesRoot) !==
      undefined
    );
  }

  /**
   * Adds the file of a row unless the size its online
   * sources claim is out of range, it was already met, or the name is held
   * only by offline peers (a later, online name may still add it).
   */
  private collect(
    row: MatchRow,
    collected: Collected,
    query: StoreSearchQuery,
    start: number,
  ): void {
    const sha256 = row.sha.toString('hex');
    if (collected.groups.has(sha256)) return;
    if (this.nameOnline.get(row.nameId) === undefined) return;
    const claim = this.claim(row, query.sinceMs);
    if (!withinSize(claim.size, query)) return;
    const earlier =
      start > 0 &&
      this.earlierName.get({
        sha: row.sha,
        start,
        ext: query.ext,
        match: collected.match,
      }) !== undefined;
    collected.groups.set(
      sha256,
      earlier ? null : { ...toGroup(row, sha256), ...claim },
    );
  }

  /**
   * The size and pieces root of a file as its online sources claim them:
   * the first indexed claim when no online source disagrees, else the one
   * {@link sources} picks.
   */
  private claim(
    row: MatchRow,
    sinceMs: number,
  ): { size: number; piecesRoot: string } {
    const size = row.size;
    const root = row.piecesRoot;
    if (!this.disputedOnline(row, sinceMs)) {
      return { size, piecesRoot: root.toString('hex') };
    }
    const majority = this.sources(row.sha.toString('hex'), sinceMs);
    return {
      size: majority.size ?? size,
      piecesRoot: majority.piecesRoot ?? root.toString('hex'),
    };
  }

  /**
   * The online sources of a file. Sources may disagree on its size or
   * pieces root (all but one of them then lie, or are mistaken): the claim
   * made by the most users wins, ties going to the most recently seen, and
   * only the users making it are listed, so a downloader never checks good
   * sources against a bad root.
   */
  sources(sha256: string, sinceMs: number): SourcesRecord {
    const rows = this.sourceRows.all(Buffer.from(sha256, 'hex'), sinceMs);
    const seen = new Set<string>();
    const claims = new Map<string, typeof rows>();
    for (const row of rows) {
      if (seen.has(row.username)) continue;
      seen.add(row.username);
      const claim = `${row.size}:${row.pieces_root.toString('hex')}`;
      const holders = claims.get(claim) ?? [];
      holders.push(row);
      claims.set(claim, holders);
    }
    let best: typeof rows = [];
    for (const holders of claims.values()) {
      if (holders.length > best.length) best = holders;
    }
    const first = best[0];
    return {
      size: first?.size ?? null,
      piecesRoot: first?.pieces_root.toString('hex') ?? null,
      sources: best.map((row) => ({
        username: row.username,
        host: row.host,
        port: row.port,
        lastSeenMs: row.last_seen_ms,
      })),
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

const scoreOf = (key: number): number => Math.floor(key / SCORE_UNIT);

function toGroup(
  row: MatchRow,
  sha256: string,
): Omit<Group, 'size' | 'piecesRoot'> {
  return {
    sha256,
    sha: row.sha,
    score: scoreOf(row.key),
    name: row.name,
    sources: row.sources,
  };
}

/** The final files after the cursor, in order. */
function finalPage(
  collected: Collected,
  after: SearchPosition | null,
): Group[] {
  const page: Group[] = [];
  for (const group of collected.groups.values()) {
    if (group === null || group.score >= collected.boundary) continue;
    if (after === null || compareGroups(group, after) > 0) page.push(group);
  }
  return page.sort(compareGroups);
}

function withinSize(size: number, query: StoreSearchQuery): boolean {
  if (query.minSize !== null && size < query.minSize) return false;
  return query.maxSize === null || size <= query.maxSize;
}
