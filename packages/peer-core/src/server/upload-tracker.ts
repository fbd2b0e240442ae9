import { EventEmitter } from 'node:events';
import { SpeedMeter } from '../transfer/speed-meter.js';

/** One `Download` stream this peer is serving. */
export interface UploadSnapshot {
  id: string;
  /** The downloader's address, as gRPC reports it ("ipv4:127.0.0.1:5555"). */
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

interface Active {
  snapshot: UploadSnapshot;
  meter: SpeedMeter;
  lastProgressMs: number;
}

/** `Download` streams served at once unless told otherwise. */
export const DEFAULT_UPLOAD_SLOTS = 4;

/**
 * Upload slots and the live list of uploads: at most `slots` streams at
 * once (`acquire` returns undefined beyond), each observable by front ends.
 */
export class UploadTracker extends EventEmitter<UploadEvents> {
  readonly slots: number;
  readonly #active = new Map<string, Active>();
  readonly #progressIntervalMs: number;
  #nextId = 1;

  constructor(slots: number, progressIntervalMs = 250) {
    super();
    this.slots = slots;
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

  /** Takes a slot for an upload, or returns undefined when all are busy. */
  acquire(
    upload: Pick<
      UploadSnapshot,
      'remote' | 'sha256' | 'name' | 'fileSize' | 'offset' | 'length'
    >,
    signal: AbortSignal,
  ): UploadSlot | undefined {
    if (this.#active.size >= this.slots) return undefined;
    const id = `up-${this.#nextId++}`;
    const active: Active = {
      snapshot: {
        ...upload,
        id,
        bytesSent: 0,
        speedBps: 0,
        startedMs: Date.now(),
      },
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
