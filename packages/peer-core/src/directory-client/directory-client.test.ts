import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PeerError, PeerErrorCode } from '../errors.js';
import { DirectoryClient } from './directory-client.js';

interface Reply {
  status: number;
  body: unknown;
}

/** A real HTTP server on loopback answering from a script, counting calls. */
async function scriptedServer(
  replies: Reply[],
): Promise<{ url: string; calls: string[]; server: Server }> {
  const calls: string[] = [];
  const server = createServer((request, response) => {
    calls.push(`${request.method} ${request.url}`);
    const reply = replies.shift() ?? { status: 500, body: {} };
    response.writeHead(reply.status, {
      'content-type': 'application/problem+json',
    });
    response.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers
      .splice(0)
      .map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function failure(promise: Promise<unknown>): Promise<PeerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PeerError) return error;
    throw error;
  }
  throw new Error('expected a PeerError');
}

const busy = { status: 503, body: { code: 'UNAVAILABLE', detail: 'busy' } };
const client = (url: string) =>
  new DirectoryClient(url, { retries: 2, backoffLimitMs: 50 });

describe('DirectoryClient', () => {
  it('retries an idempotent call (GET) after a 503', async () => {
    const { url, calls, server } = await scriptedServer([
      busy,
      { status: 200, body: { status: 'ok', version: '1', nowMs: 1 } },
    ]);
    servers.push(server);
    await expect(client(url).health()).resolves.toMatchObject({ status: 'ok' });
    expect(calls).toEqual(['GET /v1/health', 'GET /v1/health']);
  });

  it('never retries a login (POST)', async () => {
    const { url, calls, server } = await scriptedServer([busy, busy, busy]);
    servers.push(server);
    const error = await failure(client(url).login('alice', 'password'));
    expect(error.code).toBe(PeerErrorCode.DirectoryError);
    expect(calls).toEqual(['POST /v1/sessions']);
  });

  it.each([
    [401, 'INVALID_CREDENTIALS', PeerErrorCode.Unauthorized],
    [409, 'USERNAME_TAKEN', PeerErrorCode.Rejected],
    [400, 'VALIDATION_FAILED', PeerErrorCode.Rejected],
    [429, 'RATE_LIMITED', PeerErrorCode.RateLimited],
  ])('maps HTTP %i (%s) to %s with the detail', async (status, code, want) => {
    const { url, server } = await scriptedServer([
      { status, body: { code, detail: `because ${code}` } },
    ]);
    servers.push(server);
    const error = await failure(client(url).register('alice', 'password'));
    expect(error.code).toBe(want);
    expect(error.message).toBe(`register: because ${code}`);
  });

  it('reports a closed port as unreachable', async () => {
    const { url, server } = await scriptedServer([]);
    await new Promise((resolve) => server.close(resolve));
    const error = await failure(
      new DirectoryClient(url, { retries: 0 }).health(),
    );
    expect(error.code).toBe(PeerErrorCode.DirectoryUnreachable);
    expect(error.message).toMatch(/^health: directory unreachable/);
  });
});
