/**
 * The directory's REST contract: every request body, query string and
 * response of `/v1`, as TypeBox schemas (plain JSON Schema at run time) and
 * the TypeScript types derived from them. The server validates with these
 * schemas and publishes them in `GET /v1/openapi.json`; clients import the
 * types from `@ferry/directory/api`. This module imports nothing but
 * `typebox`, so a client never loads server code.
 */
export * from './schemas.js';
export * from './errors.js';
export * from './routes.js';
