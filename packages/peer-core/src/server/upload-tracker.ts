import { EventEmitter } from 'node:events';
import { SpeedMeter } from '../transfer/speed-meter.js';
import { remoteHostOf } from './remote-host.js';

/** One `Download` stream this peer is serving. */
export interface UploadSnapshot {
  id: string;
  /** The downloader's address, as gRPC reports it ("127.0.0.1:5555"). */
  remote: string;
  sha256: string;
  name: string;
  /** The whole file's size. */
  fileSize: number;
  /** The requested range. */
  offset: number;
  length: number;
  bytesSent: number;
  speedBps: number;
  startedMs: number;
  /** Set on `UploadEvent.Finished` when the stream ended badly. */
  error?: string;
}

/** Names of the events an `UploadTracker` emits. */
export enum UploadEvent {
  Started = 'upload-started',
  /** At most every `progressIntervalMs` per upload. */
  Progress = 'upload-progress',
  Finished = 'upload-finished',
}

export interface UploadEvents {
  [UploadEvent.Started]: [upload: UploadSnapshot];
  [UploadEvent.Progress]: [upload: UploadSnapshot];
  [UploadEvent.Finished]: [upload: UploadSnapshot];
}

/** A held upload slot; report bytes with `sent`, free it with `finish`. */
export interface UploadSlot {
  readonly signal: AbortSignal;
  sent(bytes: number): void;
  finish(error?: string): void;
}

/** Why `acquire` gave no slot, as told to the downloader. */
export interface SlotRefusal {
  refused: string;
}

interface Active {
  snapshot: UploadSnapshot;
  /** The downloader's address without the port. */
  host: string;
  meter: SpeedMeter;
  lastProgressMs: number;
}

/** `Download` streams served at once unless told otherwise. */
export const DEFAULT_UPLOAD_SLOTS = 4;

/**
 * Upload slots and the live list of uploads: at most `slots` streams at
 * once, and at most `perAddress` (all slots but one, at least one) from one
 * address, so that one downloader re-opening streams as fast as they are
 * freed cannot hold them all; `acquire` refuses beyond. Each upload is
 * observable by front ends.
 */
export class UploadTracker extends EventEmitter<UploadEvents> {
  readonly slots: number;
  readonly perAddress: number;
  readonly #active = new Map<string, Active>();
  readonly #progressIntervalMs: number;
  #nextId = 1;

  constructor(slots: number, progressIntervalMs = 250) {
    super();
    this.slots = slots;
    this.perAddress = Math.max(1, slots - 1);
    this.#progressIntervalMs = progressIntervalMs;
  }

  /** Uploads running now. */
  snapshot(): UploadSnapshot[] {
    const now = Date.now();
    return [...this.#active.values()].map((active) => ({
      ...active.snapshot,
      speedBps: active.meter.bytesPerSecond(now),
    }));
  }

  get activeCount(): number {
    return this.#active.size;
  }

  /** Takes a slot for an upload, or says why there is none for it. */
  acquire(
    upload: Pick<
      UploadSnapshot,
      'remote' | 'sha256' | 'name' | 'fileSize' | 'offset' | 'length'
    >,
    signal: AbortSignal,
  ): UploadSlot | SlotRefusal {
    const host = remoteHostOf(upload.remote);
    const refusal = this.#refusal(host);
    if (refusal !== undefined) return refusal;
    const id = `up-${this.#nextId++}`;
    const active: Active = {
      snapshot: {
        ...upload,
        id,
        bytesSent: 0,
        speedBps: 0,
        startedMs: Date.now(),
      },
      host,
      meter: new SpeedMeter(),
      lastProgressMs: 0,
    };
    this.#active.set(id, active);
    this.emit(UploadEvent.Started, { ...active.snapshot });
    return {
      signal,
      sent: (bytes) => this.#sent(active, bytes),
      finish: (error) => this.#finish(active, error),
    };
  }

  #refusal(host: string): SlotRefusal | undefined {
    if (this.#active.size >= this.slots) {
      return { refused: 'every upload slot is busy' };
    }
    let held = 0;
    for (const active of this.#active.values()) {
      if (active.host === host) held += 1;
    }
    if (held < this.perAddress) return undefined;
    return {
      refused: `${host} already holds ${held} of the ${this.slots} upload slots, the most one address may`,
    };
  }

  #sent(active: Active, bytes: number): void {
    const now = Date.now();
    active.snapshot.bytesSent += bytes;
    active.meter.add(bytes, now);
    if (now - active.lastProgressMs < this.#progressIntervalMs) return;
    active.lastProgressMs = now;
    active.snapshot.speedBps = active.meter.bytesPerSecond(now);
    this.emit(UploadEvent.Progress, { ...active.snapshot });
  }

  #finish(active: Active, error?: string): void {
    if (!this.#active.delete(active.snapshot.id)) return;
    const snapshot = { ...active.snapshot, speedBps: 0 };
    if (error !== undefined) snapshot.error = error;
    this.emit(UploadEvent.Finished, snapshot);
  }
}
