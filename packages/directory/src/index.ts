export * from './api/index.js';
export { buildApp, type BuildAppOptions } from './app.js';
export type { App } from './context.js';
export {
  startDirectory,
  type RunningDirectory,
  type StartDirectoryOptions,
} from './main.js';
export {
  DEFAULT_SETTINGS,
  type DirectorySettings,
  type RateLimit,
} from './settings.js';
export type { ScryptParams } from './auth/passwords.js';
export { SqliteStore } from './store/sqlite/sqlite-store.js';
export type { DirectoryStore } from './store/store.js';
