import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeerErrorCode } from '../errors.js';
import { TransferState } from '../peer/peer-client.js';
import { PieceWriter } from './piece-writer.js';
import { download, type Transfer } from './transfer.js';

const dirs: string[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(
    dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

/**
 * Holds the next piece writer's `close()` until `release()`; `closing`
 * resolves once a failed download began closing its writer, which its
 * ending does before it settles.
 */
function holdWriterClose(): { closing: Promise<void>; release: () => void } {
  let began!: () => void;
  let release!: () => void;
  const closing = new Promise<void>((resolve) => (began = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const spy = vi
    .spyOn(PieceWriter.prototype, 'close')
    .mockImplementation(async function (this: PieceWriter) {
      spy.mockRestore();
      began();
      await released;
      return this.close();
    });
  return { closing, release };
}

async function downloadFromDeadSource(): Promise<Transfer> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-ending-'));
  dirs.push(dir);
  return download({
    sha256: 'a'.repeat(64),
    sources: [{ host: '127.0.0.1', port: 1, label: 'dead' }],
    dir,
    name: 'data.bin',
    tuning: { maxSourceFailures: 1 },
  });
}

describe('a download that failed before it was told to end', () => {
  it.each([
    ['cancel', (transfer: Transfer) => transfer.cancel()],
    ['stop', (transfer: Transfer) => transfer.stop()],
  ])('keeps its failure when %s lands while it ends', async (_, end) => {
    // Given a download whose only source is down, held while it ends
    const { closing, release } = holdWriterClose();
    const transfer = await downloadFromDeadSource();
    const outcome = transfer.done.catch((error: unknown) => error);
    await closing;
    // When it is told to end after every source failed
    const ended = end(transfer);
    release();
    await ended;
    // Then it failed for want of sources, not cancelled or stopped
    expect(await outcome).toMatchObject({ code: PeerErrorCode.NoSources });
    expect(transfer.state).toBe(TransferState.Failed);
    expect(transfer.progress().error).toMatch(/no source could deliver/);
  });
});
