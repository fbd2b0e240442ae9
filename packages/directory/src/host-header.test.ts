import { describe, expect, it } from 'vitest';
import { ErrorCode, PROBLEM_CONTENT_TYPE } from './api/index.js';
import { useHarness } from './test-helpers/harness.js';
import {
  listenLocally,
  parseResponses,
  rawExchange,
} from './test-helpers/raw-http.js';

const h = useHarness();

describe('a request without a Host header', () => {
  it('is a 400 problem over HTTP/1.1, and the connection serves the next request', async () => {
    // Given a listening directory
    const port = await listenLocally(h.app);
    // When one connection sends an HTTP/1.1 request without Host, then one with it
    const raw = await rawExchange(
      port,
      'GET /v1/health HTTP/1.1\r\n\r\n' +
        'GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    // Then the first is a MALFORMED_REQUEST problem and the second succeeds
    const [refused, served] = parseResponses(raw);
    expect(refused?.status).toBe(400);
    expect(refused?.headers).toContain(`content-type: ${PROBLEM_CONTENT_TYPE}`);
    expect(refused?.body).toMatchObject({
      status: 400,
      code: ErrorCode.MalformedRequest,
      detail: 'An HTTP/1.1 request needs a Host header.',
    });
    expect(served?.status).toBe(200);
    expect(served?.body).toMatchObject({ status: 'ok' });
  });

  it('is served over HTTP/1.0, which has no Host rule', async () => {
    // Given a listening directory
    const port = await listenLocally(h.app);
    // When an HTTP/1.0 request without Host arrives
    const raw = await rawExchange(port, 'GET /v1/health HTTP/1.0\r\n\r\n');
    // Then it is answered as usual
    const [response] = parseResponses(raw);
    expect(response?.status).toBe(200);
    expect(response?.body).toMatchObject({ status: 'ok' });
  });
});
