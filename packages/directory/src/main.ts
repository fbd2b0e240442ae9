import type { AddressInfo } from 'node:net';
import type { BuildAppOptions } from './app.js';
import { buildApp } from './app.js';
import type { App } from './context.js';

export interface StartDirectoryOptions extends Omit<BuildAppOptions, 'dbPath'> {
  /** Address to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** SQLite file; `:memory:` (the default) keeps nothing. */
  dbPath?: string;
}

/** A running directory. */
export interface RunningDirectory {
  /** Base URL, e.g. `http://127.0.0.1:7070`. */
  url: string;
  host: string;
  port: number;
  app: App;
  /** Finishes requests in flight, closes the database. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Builds the app and listens; resolves once it accepts connections. */
export async function startDirectory(
  options: StartDirectoryOptions = {},
): Promise<RunningDirectory> {
  const app = buildApp(options);
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${address.port}`,
    host,
    port: address.port,
    app,
    close: () => (closing ??= app.close()),
  };
}
