import { Type, type Static } from 'typebox';

/** The path prefix of every route of the directory's REST API. */
export const API_PREFIX = '/v1';

/** Limits the server enforces; clients may use them to split their work. */
export const LIMITS = {
  usernameMinLength: 3,
  usernameMaxLength: 32,
  /** Password length in UTF-8 bytes. */
  passwordMinBytes: 8,
  passwordMaxBytes: 1024,
  /** Entries of one `PUT /v1/peers/me/files` (and of `add` + `remove`). */
  maxIndexEntries: 200_000,
  nameMaxLength: 1024,
  pathMaxLength: 4096,
  /** Largest `size` (2^53 - 1 bytes; JSON numbers stay exact). */
  maxFileSize: Number.MAX_SAFE_INTEGER,
  searchQueryMaxLength: 1024,
  searchLimitMax: 200,
  searchLimitDefault: 50,
  filesLimitMax: 5000,
  filesLimitDefault: 1000,
  peersLimitMax: 1000,
  peersLimitDefault: 500,
  extMaxLength: 16,
  cursorMaxLength: 2048,
} as const;

// ---------------------------------------------------------------------------
// Building blocks

/** The characters of a username (`a-z 0-9 _ . -`), as a regex source. */
export const USERNAME_PATTERN = '^[a-z0-9_.-]+$';

/** `a-z 0-9 _ . -`, 3 to 32 characters. */
export const UsernameSchema = Type.String({
  minLength: LIMITS.usernameMinLength,
  maxLength: LIMITS.usernameMaxLength,
  pattern: USERNAME_PATTERN,
  description: 'Lower-case letters, digits, "_", "." and "-"; 3 to 32.',
});

/** 8 to 1024 bytes of UTF-8; the byte count is checked by the server. */
export const PasswordSchema = Type.String({
  minLength: 1,
  maxLength: LIMITS.passwordMaxBytes,
  description: 'Any text of 8 to 1024 bytes in UTF-8.',
});

/** 64 lower-case hex digits: a SHA-256. */
export const Sha256Schema = Type.String({
  pattern: '^[0-9a-f]{64}$',
  minLength: 64,
  maxLength: 64,
  description: 'SHA-256, 64 lower-case hex digits.',
});

/** Milliseconds since the Unix epoch. */
export const EpochMsSchema = Type.Integer({
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'Milliseconds since the Unix epoch.',
});

/** A TCP port a peer's gRPC server listens on. */
export const PortSchema = Type.Integer({ minimum: 1, maximum: 65535 });

/**
 * A host name or an IPv4/IPv6 literal (no brackets). Addresses no peer can
 * reach (unspecified, `0.0.0.0/8`, multicast, broadcast, `240.0.0.0/4`,
 * link-local IPv6 without a zone) are refused by the server with
 * `INVALID_ADDRESS`.
 */
export const HostSchema = Type.String({
  minLength: 1,
  maxLength: 253,
  pattern: '^[A-Za-z0-9.:_%-]+$',
  description: 'Host name, IPv4 or IPv6 literal without brackets.',
});

/** An opaque pagination cursor; pass back `nextCursor` unchanged. */
export const CursorSchema = Type.String({
  minLength: 1,
  maxLength: LIMITS.cursorMaxLength,
  description: 'Opaque; pass back the nextCursor of the previous page.',
});

/** The cursor of the next page, or null on the last page. */
export const NextCursorSchema = Type.Union([CursorSchema, Type.Null()]);

/** The optional `limit` of a paged list: 1 to `maximum` items a page. */
function pageLimitSchema(maximum: number, defaultLimit: number) {
  return Type.Optional(
    Type.Integer({ minimum: 1, maximum, default: defaultLimit }),
  );
}

// ---------------------------------------------------------------------------
// Accounts and sessions

export const RegisterBodySchema = Type.Object(
  { username: UsernameSchema, password: PasswordSchema },
  { additionalProperties: false, $id: 'RegisterBody' },
);
export type RegisterBody = Static<typeof RegisterBodySchema>;

export const UserSchema = Type.Object(
  { username: UsernameSchema, createdAtMs: EpochMsSchema },
  { $id: 'User' },
);
export type User = Static<typeof UserSchema>;

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ maxLength: 256 }),
    password: Type.String({ maxLength: LIMITS.passwordMaxBytes }),
  },
  { additionalProperties: false, $id: 'LoginBody' },
);
export type LoginBody = Static<typeof LoginBodySchema>;

/** A new session: send `Authorization: Bearer <token>` on every request. */
export const SessionSchema = Type.Object(
  {
    token: Type.String({ description: 'Bearer token; shown only once.' }),
    /** ISO 8601 time at which the token stops working. */
    expiresAt: Type.String({ format: 'date-time' }),
    /** The same instant as `expiresAt`, in ms since the epoch. */
    expiresAtMs: EpochMsSchema,
    username: UsernameSchema,
  },
  { $id: 'Session' },
);
export type Session = Static<typeof SessionSchema>;

// ---------------------------------------------------------------------------
// Peers

/**
 * Announce and heartbeat. `host` omitted: the address the request came
 * from. Send it again before `ttlMs` runs out (e.g. every `ttlMs / 3`).
 */
export const AnnounceBodySchema = Type.Object(
  { host: Type.Optional(HostSchema), port: PortSchema },
  { additionalProperties: false, $id: 'AnnounceBody' },
);
export type AnnounceBody = Static<typeof AnnounceBodySchema>;

export const AnnounceResponseSchema = Type.Object(
  {
    username: UsernameSchema,
    /** The address other peers will be given. */
    host: Type.String(),
    port: PortSchema,
    lastSeenMs: EpochMsSchema,
    /** Silent for longer than this, the peer is offline. */
    ttlMs: Type.Integer({ minimum: 1 }),
    /** `lastSeenMs + ttlMs`: announce again before this. */
    onlineUntilMs: EpochMsSchema,
  },
  { $id: 'AnnounceResponse' },
);
export type AnnounceResponse = Static<typeof AnnounceResponseSchema>;

/** An online peer with the totals of its index. */
export const PeerSummarySchema = Type.Object(
  {
    username: UsernameSchema,
    host: Type.String(),
    port: PortSchema,
    fileCount: Type.Integer({ minimum: 0 }),
    totalBytes: Type.Integer({ minimum: 0 }),
    lastSeenMs: EpochMsSchema,
  },
  { $id: 'PeerSummary' },
);
export type PeerSummary = Static<typeof PeerSummarySchema>;

export const ListPeersQuerySchema = Type.Object(
  {
    limit: pageLimitSchema(LIMITS.peersLimitMax, LIMITS.peersLimitDefault),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false, $id: 'ListPeersQuery' },
);
export type ListPeersQuery = Static<typeof ListPeersQuerySchema>;

/** Online peers ordered by username. */
export const ListPeersResponseSchema = Type.Object(
  { peers: Type.Array(PeerSummarySchema), nextCursor: NextCursorSchema },
  { $id: 'ListPeersResponse' },
);
export type ListPeersResponse = Static<typeof ListPeersResponseSchema>;

// ---------------------------------------------------------------------------
// The file index

/**
 * One file a peer shares. `path` (relative to the share root,
 * "/"-separated, display only) identifies the entry within one peer's
 * index: the same bytes may be shared twice under two paths.
 */
export const FileEntrySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameMaxLength }),
    path: Type.String({ minLength: 1, maxLength: LIMITS.pathMaxLength }),
    size: Type.Integer({ minimum: 0, maximum: LIMITS.maxFileSize }),
    sha256: Sha256Schema,
    piecesRoot: Sha256Schema,
    mtimeMs: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
    }),
  },
  { additionalProperties: false, $id: 'FileEntry' },
);
export type FileEntry = Static<typeof FileEntrySchema>;

/** Replaces the caller's whole index (one transaction). */
export const PutFilesBodySchema = Type.Object(
  {
    files: Type.Array(FileEntrySchema, { maxItems: LIMITS.maxIndexEntries }),
  },
  { additionalProperties: false, $id: 'PutFilesBody' },
);
export type PutFilesBody = Static<typeof PutFilesBodySchema>;

/**
 * Changes the caller's index (one transaction): first every `remove` path
 * is deleted (unknown paths are ignored), then every `add` entry is stored,
 * replacing any entry with the same `path`.
 */
export const PatchFilesBodySchema = Type.Object(
  {
    add: Type.Array(FileEntrySchema, { maxItems: LIMITS.maxIndexEntries }),
    remove: Type.Array(
      Type.String({ minLength: 1, maxLength: LIMITS.pathMaxLength }),
      { maxItems: LIMITS.maxIndexEntries },
    ),
  },
  { additionalProperties: false, $id: 'PatchFilesBody' },
);
export type PatchFilesBody = Static<typeof PatchFilesBodySchema>;

/** The caller's index after a PUT or PATCH. */
export const IndexSummarySchema = Type.Object(
  {
    fileCount: Type.Integer({ minimum: 0 }),
    totalBytes: Type.Integer({ minimum: 0 }),
  },
  { $id: 'IndexSummary' },
);
export type IndexSummary = Static<typeof IndexSummarySchema>;

export const UsernameParamsSchema = Type.Object(
  { username: UsernameSchema },
  { $id: 'UsernameParams' },
);
export type UsernameParams = Static<typeof UsernameParamsSchema>;

export const ListFilesQuerySchema = Type.Object(
  {
    limit: pageLimitSchema(LIMITS.filesLimitMax, LIMITS.filesLimitDefault),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false, $id: 'ListFilesQuery' },
);
export type ListFilesQuery = Static<typeof ListFilesQuerySchema>;

/** One page of a peer's index, ordered by `path`. */
export const ListFilesResponseSchema = Type.Object(
  {
    username: UsernameSchema,
    /** Whether the peer is online now. */
    online: Type.Boolean(),
    fileCount: Type.Integer({ minimum: 0 }),
    totalBytes: Type.Integer({ minimum: 0 }),
    files: Type.Array(FileEntrySchema),
    nextCursor: NextCursorSchema,
  },
  { $id: 'ListFilesResponse' },
);
export type ListFilesResponse = Static<typeof ListFilesResponseSchema>;

// ---------------------------------------------------------------------------
// Search and sources

export const SearchQuerySchema = Type.Object(
  {
    /** Words; each must match a word or word prefix of a name. */
    q: Type.String({ minLength: 1, maxLength: LIMITS.searchQueryMaxLength }),
    limit: pageLimitSchema(LIMITS.searchLimitMax, LIMITS.searchLimitDefault),
    cursor: Type.Optional(CursorSchema),
    minSize: Type.Optional(
      Type.Integer({ minimum: 0, maximum: LIMITS.maxFileSize }),
    ),
    maxSize: Type.Optional(
      Type.Integer({ minimum: 0, maximum: LIMITS.maxFileSize }),
    ),
    /** Extension without the dot, case-insensitive, e.g. `mp3`. */
    ext: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: LIMITS.extMaxLength,
        pattern: '^\\.?[A-Za-z0-9_-]+$',
      }),
    ),
  },
  { additionalProperties: false, $id: 'SearchQuery' },
);
export type SearchQuery = Static<typeof SearchQuerySchema>;

/** One file found: one result per sha256. */
export const SearchResultSchema = Type.Object(
  {
    sha256: Sha256Schema,
    /** The best-matching name. */
    name: Type.String(),
    /** Every distinct name online sources give it (at most 20). */
    names: Type.Array(Type.String()),
    size: Type.Integer({ minimum: 0 }),
    piecesRoot: Sha256Schema,
    /** Online peers holding it (at least 1). */
    sources: Type.Integer({ minimum: 1 }),
  },
  { $id: 'SearchResult' },
);
export type SearchResult = Static<typeof SearchResultSchema>;

/** Ranked by relevance (bm25), then by number of online sources. */
export const SearchResponseSchema = Type.Object(
  {
    results: Type.Array(SearchResultSchema),
    nextCursor: NextCursorSchema,
    truncated: Type.Boolean({
      description:
        'true when more matching names tied on one rank of this page than ' +
        'a search reads, so some were passed over: more words narrow it',
    }),
  },
  { $id: 'SearchResponse' },
);
export type SearchResponse = Static<typeof SearchResponseSchema>;

export const Sha256ParamsSchema = Type.Object(
  { sha256: Sha256Schema },
  { $id: 'Sha256Params' },
);
export type Sha256Params = Static<typeof Sha256ParamsSchema>;

/** An online peer holding a file. */
export const SourceSchema = Type.Object(
  {
    username: UsernameSchema,
    host: Type.String(),
    port: PortSchema,
    lastSeenMs: EpochMsSchema,
  },
  { $id: 'Source' },
);
export type Source = Static<typeof SourceSchema>;

/**
 * Online peers holding a file, one per peer, most recently seen first;
 * empty when none is online.
 */
export const SourcesResponseSchema = Type.Object(
  {
    sha256: Sha256Schema,
    /** Size and piecesRoot as the sources report them; null when none. */
    size: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    piecesRoot: Type.Union([Sha256Schema, Type.Null()]),
    sources: Type.Array(SourceSchema),
  },
  { $id: 'SourcesResponse' },
);
export type SourcesResponse = Static<typeof SourcesResponseSchema>;

// ---------------------------------------------------------------------------
// Health

export const HealthResponseSchema = Type.Object(
  {
    status: Type.Literal('ok'),
    version: Type.String(),
    nowMs: EpochMsSchema,
  },
  { $id: 'HealthResponse' },
);
export type HealthResponse = Static<typeof HealthResponseSchema>;
