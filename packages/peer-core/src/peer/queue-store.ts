import type { Database } from 'better-sqlite3';
import { TransferState } from './peer-client.js';

/** One download of the queue, as stored in the local database. */
export interface QueuedDownload {
  id: string;
  sha256: string;
  name: string;
  size: number;
  /** Folder the file goes to. */
  dir: string;
  state: TransferState;
  /** Order of the queue: lower starts first. */
  position: number;
  bytesDone: number;
  error?: string;
  createdMs: number;
}

/** The local database's table of the download queue. */
export const TRANSFER_QUEUE_SQL = `
  CREATE TABLE transfer_queue (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    dir TEXT NOT NULL,
    state TEXT NOT NULL,
    position INTEGER NOT NULL,
    bytes_done INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    created_ms INTEGER NOT NULL
  ) STRICT;
`;

interface Row {
  id: string;
  sha256: string;
  name: string;
  size: number;
  dir: string;
  state: string;
  position: number;
  bytes_done: number;
  error: string | null;
  created_ms: number;
}

/** The download queue kept in the peer's local SQLite database. */
export class QueueStore {
  constructor(private readonly db: Database) {}

  /** Every download, in queue order. */
  list(): QueuedDownload[] {
    const rows = this.db
      .prepare('SELECT * FROM transfer_queue ORDER BY position, created_ms')
      .all() as Row[];
    return rows.map(fromRow);
  }

  /** Appends a download at the end of the queue. */
  add(item: Omit<QueuedDownload, 'position'>): QueuedDownload {
    const { last } = this.db
      .prepare('SELECT coalesce(max(position), -1) AS last FROM transfer_queue')
      .get() as { last: number };
    const stored = { ...item, position: last + 1 };
    this.db
      .prepare(
        `INSERT INTO transfer_queue
           (id, sha256, name, size, dir, state, position, bytes_done, error, created_ms)
         VALUES (@id, @sha256, @name, @size, @dir, @state, @position, @bytesDone, @error, @createdMs)`,
      )
      .run({ ...stored, error: stored.error ?? null });
    return stored;
  }

  /** Saves the state, progress and error of one download. */
  update(
    id: string,
    change: { state: TransferState; bytesDone: number; error?: string },
  ): void {
    this.db
      .prepare(
        'UPDATE transfer_queue SET state = ?, bytes_done = ?, error = ? WHERE id = ?',
      )
      .run(change.state, change.bytesDone, change.error ?? null, id);
  }

  /** Deletes these downloads from the queue. */
  remove(ids: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM transfer_queue WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) remove.run(id);
    })();
  }

  /** Puts the download with `id` at `index` of the queue order. */
  move(id: string, index: number): void {
    const ids = this.list().map((item) => item.id);
    const from = ids.indexOf(id);
    if (from < 0) return;
    ids.splice(from, 1);
    ids.splice(Math.max(0, Math.min(index, ids.length)), 0, id);
    const set = this.db.prepare(
      'UPDATE transfer_queue SET position = ? WHERE id = ?',
    );
    this.db.transaction(() => {
      ids.forEach((each, position) => set.run(position, each));
    })();
  }
}

const STATES = new Set<string>(Object.values(TransferState));

function fromRow(row: Row): QueuedDownload {
  const state = STATES.has(row.state)
    ? (row.state as TransferState)
    : TransferState.Queued;
  const item: QueuedDownload = {
    id: row.id,
    sha256: row.sha256,
    name: row.name,
    size: row.size,
    dir: row.dir,
    state,
    position: row.position,
    bytesDone: row.bytes_done,
    createdMs: row.created_ms,
  };
  if (row.error !== null) item.error = row.error;
  return item;
}
