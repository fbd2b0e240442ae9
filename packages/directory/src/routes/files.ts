import type { FileEntry } from '../api/index.js';
import { ErrorCode, LIMITS, ROUTES } from '../api/index.js';
import type { App, RouteContext } from '../context.js';
import { schemaOf, sessionOf } from '../context.js';
import { checkCursor, decodeCursor, encodeCursor } from '../cursor.js';
import { ProblemError } from '../problems.js';
import { IndexTooLargeError, type IndexTotals } from '../store/store.js';
import { refuseReplaced } from './replaced.js';

/** 400 `DUPLICATE_PATH` naming the first entry whose path came before. */
function rejectDuplicatePaths(
  files: readonly FileEntry[],
  field: string,
): void {
  const seen = new Set<string>();
  files.forEach((entry, index) => {
    if (seen.has(entry.path)) {
      const pointer = `/${field}/${index}/path`;
      throw new ProblemError(
        ErrorCode.DuplicatePath,
        `body${pointer}: "${entry.path}" appears twice in the batch`,
        { errors: [{ in: 'body', pointer, message: 'duplicate path' }] },
      );
    }
    seen.add(entry.path);
  });
}

/** Runs an index write; a total too large for JSON is a 400. */
async function writeIndex(
  write: () => Promise<IndexTotals>,
): Promise<IndexTotals> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof IndexTooLargeError)) throw error;
    throw new ProblemError(
      ErrorCode.ValidationFailed,
      `body: ${error.message}.`,
      {
        errors: [{ in: 'body', pointer: '', message: error.message }],
      },
    );
  }
}

/** The caller's index (PUT, PATCH) and browsing any peer's index. */
export function registerFileRoutes(app: App, context: RouteContext): void {
  const { store, settings } = context;
  const bodyLimit = settings.maxIndexBodyBytes;

  app.put(
    ROUTES.putFiles.url,
    { schema: schemaOf(ROUTES.putFiles), bodyLimit },
    async (request) => {
      rejectDuplicatePaths(request.body.files, 'files');
      const session = sessionOf(request);
      await refuseReplaced(store, session);
      return writeIndex(() =>
        store.replaceIndex(session.userId, request.body.files),
      );
    },
  );

  app.patch(
    ROUTES.patchFiles.url,
    { schema: schemaOf(ROUTES.patchFiles), bodyLimit },
    async (request) => {
      const { add, remove } = request.body;
      rejectDuplicatePaths(add, 'add');
      const session = sessionOf(request);
      await refuseReplaced(store, session);
      return writeIndex(() => store.patchIndex(session.userId, add, remove));
    },
  );

  app.get(
    ROUTES.listFiles.url,
    { schema: schemaOf(ROUTES.listFiles) },
    async (request) => {
      const { username } = request.params;
      const limit = request.query.limit ?? LIMITS.filesLimitDefault;
      let after: string | null = null;
      if (request.query.cursor !== undefined) {
        const at = decodeCursor(request.query.cursor, 'files', username);
        checkCursor(typeof at === 'string');
        after = at as string;
      }
      const status = await store.peerStatus(
        username,
        settings.clock() - settings.peerTtlMs,
      );
      if (status === undefined) {
        throw new ProblemError(
          ErrorCode.UserNotFound,
          `No user "${username}".`,
        );
      }
      const files = await store.listFiles(status.userId, after, limit + 1);
      const page = files.slice(0, limit);
      const last = page[page.length - 1];
      return {
        username,
        online: status.online,
        fileCount: status.fileCount,
        totalBytes: status.totalBytes,
        files: page,
        nextCursor:
          files.length > limit && last !== undefined
            ? encodeCursor('files', username, last.path)
            : null,
      };
    },
  );
}
