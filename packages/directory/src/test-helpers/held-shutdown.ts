import type { App } from '../context.js';

/** An app's shutdown held after it began, before the app stops listening. */
export interface HeldShutdown {
  /** Starts closing the app; resolves once its shutdown has begun. */
  begin(): Promise<void>;
  /** Lets the shutdown go on; resolves once the app has closed. */
  release(): Promise<void>;
}

/**
 * Holds `app`'s shutdown in a `preClose` hook, so requests can arrive
 * while it shuts down. Call it before the app listens.
 */
export function holdShutdown(app: App): HeldShutdown {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = (): void => undefined;
  const shuttingDown = new Promise<void>((resolve) => {
    started = resolve;
  });
  app.addHook('preClose', async () => {
    started();
    await held;
  });
  let closed: Promise<void> = Promise.resolve();
  return {
    begin: async () => {
      closed = app.close();
      await shuttingDown;
    },
    release: async () => {
      release();
      await closed;
    },
  };
}
