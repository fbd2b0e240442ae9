import { once } from 'node:events';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, PROBLEM_CONTENT_TYPE } from './api/index.js';
import { buildApp } from './app.js';
import type { App } from './context.js';
import { holdShutdown } from './test-helpers/held-shutdown.js';
import {
  listenLocally,
  parseResponses,
  rawExchange,
} from './test-helpers/raw-http.js';

let app: App | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function listening(built: App): Promise<number> {
  app = built;
  return listenLocally(built);
}

describe('errors Node answers before Fastify', () => {
  it.each([
    [
      'a Content-Length that is not a number',
      'POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n{}',
      400,
      ErrorCode.MalformedRequest,
    ],
    [
      'a header line without a colon',
      'GET /v1/health HTTP/1.1\r\nHost x\r\n\r\n',
      400,
      ErrorCode.MalformedRequest,
    ],
    [
      'headers over 16 KiB',
      `GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      ErrorCode.HeadersTooLarge,
    ],
  ])(
    'answers a request with %s with a problem',
    async (_what, request, status, code) => {
      // Given a listening directory
      const port = await listening(buildApp());
      // When a client sends a request Node cannot read
      const raw = await rawExchange(port, request);
      // Then the answer is a problem with a stable code, and the socket closes
      const [response] = parseResponses(raw);
      expect(response?.status).toBe(status);
      expect(response?.headers).toContain(
        `content-type: ${PROBLEM_CONTENT_TYPE}`,
      );
      expect(response?.body).toMatchObject({ status, code });
    },
  );

  it('answers a request that arrives during shutdown with a 503 problem', async () => {
    // Given a directory whose shutdown is held before it stops listening
    const built = buildApp();
    const shutdown = holdShutdown(built);
    const port = await listening(built);
    await shutdown.begin();
    // When a request arrives then
    const raw = await rawExchange(
      port,
      'GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n',
    );
    await shutdown.release();
    // Then it is a 503 problem, and the connection closes
    const [response] = parseResponses(raw);
    expect(response?.status).toBe(503);
    expect(response?.headers).toContain(
      `content-type: ${PROBLEM_CONTENT_TYPE}`,
    );
    expect(response?.headers).toContain('connection: close');
    expect(response?.body).toMatchObject({
      status: 503,
      code: ErrorCode.Unavailable,
    });
  });
});

describe('a request whose body stops arriving', () => {
  /** Sends headers for a 1,000-byte body and 10 bytes of it, then waits. */
  async function stalledUpload(port: number) {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    const closed = once(socket, 'close');
    socket.write(
      'POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"username"',
    );
    return {
      closed: closed.then(() => Buffer.concat(chunks).toString('utf8')),
    };
  }

  it('is answered with a 408 problem once the request timeout passes', async () => {
    // Given a directory that gives a request 300 ms to arrive
    const port = await listening(buildApp({ requestTimeoutMs: 300 }));
    // When a client sends part of a body and then nothing
    const upload = await stalledUpload(port);
    // Then it gets a 408 problem and the connection closes
    const [response] = parseResponses(await upload.closed);
    expect(response?.status).toBe(408);
    expect(response?.body).toMatchObject({
      status: 408,
      code: ErrorCode.RequestTimeout,
    });
  });

  it('does not hold shutdown open past the grace period', async () => {
    // Given a directory that waits 200 ms for requests in flight at shutdown
    const built = buildApp({ shutdownGraceMs: 200 });
    let arrived = (): void => undefined;
    const requestSeen = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    built.addHook('onRequest', (_request, _reply, done) => {
      arrived();
      done();
    });
    const port = await listening(built);
    const upload = await stalledUpload(port);
    await requestSeen;
    // When it shuts down while a body is half sent
    await built.close();
    app = undefined;
    // Then shutdown finishes and that connection is closed
    expect(await upload.closed).toBe('');
  });
});
