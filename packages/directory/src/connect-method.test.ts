import { describe, expect, it } from 'vitest';
import { ErrorCode, PROBLEM_CONTENT_TYPE } from './api/index.js';
import { buildApp } from './app.js';
import { holdShutdown } from './test-helpers/held-shutdown.js';
import { useHarness } from './test-helpers/harness.js';
import {
  listenLocally,
  parseResponses,
  rawExchange,
} from './test-helpers/raw-http.js';

const h = useHarness();

describe('a CONNECT request', () => {
  it('is a 405 problem that closes the connection, and the server keeps serving', async () => {
    // Given a listening directory
    const port = await listenLocally(h.app);
    // When a client asks it to tunnel, as a proxy would
    const raw = await rawExchange(
      port,
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
    );
    // Then it gets a METHOD_NOT_ALLOWED problem with an empty Allow
    const [refused] = parseResponses(raw);
    expect(refused?.status).toBe(405);
    expect(refused?.headers).toContain(`content-type: ${PROBLEM_CONTENT_TYPE}`);
    expect(refused?.headers).toMatch(/^allow: *$/m);
    expect(refused?.headers).toContain('connection: close');
    expect(refused?.body).toMatchObject({
      status: 405,
      code: ErrorCode.MethodNotAllowed,
    });
    // And the next request on a new connection is served
    const [next] = parseResponses(
      await rawExchange(
        port,
        'GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ),
    );
    expect(next?.status).toBe(200);
  });

  it('is the same 503 problem as any other request while the directory shuts down', async () => {
    // Given a directory whose shutdown is held before it stops listening
    const built = buildApp();
    const shutdown = holdShutdown(built);
    const port = await listenLocally(built);
    await shutdown.begin();
    try {
      // When a CONNECT request arrives then
      const raw = await rawExchange(
        port,
        'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      );
      // Then it is the shutdown's 503 problem, not a 405, and the connection closes
      const [response] = parseResponses(raw);
      expect(response?.status).toBe(503);
      expect(response?.headers).toContain(
        `content-type: ${PROBLEM_CONTENT_TYPE}`,
      );
      expect(response?.headers).not.toMatch(/^allow:/m);
      expect(response?.headers).toContain('connection: close');
      expect(response?.body).toMatchObject({
        status: 503,
        code: ErrorCode.Unavailable,
        detail: 'The directory is shutting down; try again later.',
      });
    } finally {
      await shutdown.release();
    }
  });
});
