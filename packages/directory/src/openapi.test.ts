import { describe, expect, it } from 'vitest';
import { ROUTES } from './api/index.js';
import { call, signUp, useHarness } from './test-helpers/harness.js';

const h = useHarness();

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, object> }>>;
}

/** The OpenAPI spelling of a route path: `:name` becomes `{name}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document', () => {
  it('gives each route the success status the server answers with', async () => {
    const doc = (
      await call(h.app, 'GET', '/v1/openapi.json')
    ).json<OpenApiDocument>();
    for (const spec of Object.values(ROUTES)) {
      const operation =
        doc.paths[openApiPath(spec.url)]?.[spec.method.toLowerCase()];
      expect(Object.keys(operation?.responses ?? {}), spec.operationId).toEqual(
        [String(spec.successStatus)],
      );
    }
    const token = await signUp(h.app, 'alice');
    const logout = await call(h.app, 'DELETE', '/v1/sessions/current', {
      token,
    });
    expect(logout.statusCode).toBe(ROUTES.logout.successStatus);
    expect(logout.body).toBe('');
  });
});
