import { describe, expect, it } from 'vitest';
import type { ListFilesResponse, ListPeersResponse } from './api/index.js';
import { ErrorCode } from './api/index.js';
import { call, entry, onlinePeer, useHarness } from './test-helpers/harness.js';

const h = useHarness();

/** Logs `alice` in a second time; returns the new token. */
async function secondLogin(): Promise<string> {
  const res = await call(h.app, 'POST', '/v1/sessions', {
    body: { username: 'alice', password: 'correct horse' },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ token: string }>().token;
}

async function alicePresence(token: string): Promise<{
  ports: number[];
  paths: string[];
}> {
  const peers = (
    await call(h.app, 'GET', '/v1/peers', { token })
  ).json<ListPeersResponse>();
  const files = (
    await call(h.app, 'GET', '/v1/peers/alice/files', { token })
  ).json<ListFilesResponse>();
  return {
    ports: peers.peers.map((p) => p.port),
    paths: files.files.map((f) => f.path),
  };
}

describe('one account online from two sessions', () => {
  it('lets the newer session win and refuses the older one', async () => {
    const older = await onlinePeer(h.app, 'alice', [entry('old.mp3')], 5001);
    const newer = await secondLogin();
    const announced = await call(h.app, 'PUT', '/v1/peers/me', {
      token: newer,
      body: { host: '127.0.0.1', port: 5002 },
    });
    expect(announced.statusCode).toBe(200);
    await call(h.app, 'PUT', '/v1/peers/me/files', {
      token: newer,
      body: { files: [entry('new.mp3')] },
    });

    const refused = [
      await call(h.app, 'PUT', '/v1/peers/me', {
        token: older,
        body: { host: '127.0.0.1', port: 5001 },
      }),
      await call(h.app, 'PUT', '/v1/peers/me/files', {
        token: older,
        body: { files: [entry('old.mp3')] },
      }),
      await call(h.app, 'PATCH', '/v1/peers/me/files', {
        token: older,
        body: { add: [entry('other.mp3')], remove: ['share/new.mp3'] },
      }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        status: 409,
        code: ErrorCode.SessionReplaced,
      });
    }
    expect(await alicePresence(newer)).toEqual({
      ports: [5002],
      paths: ['share/new.mp3'],
    });

    const logout = await call(h.app, 'DELETE', '/v1/sessions/current', {
      token: older,
    });
    expect(logout.statusCode).toBe(204);
    expect(await alicePresence(newer)).toEqual({
      ports: [5002],
      paths: ['share/new.mp3'],
    });
  });

  it('lets the older session take over again by logging in anew', async () => {
    await onlinePeer(h.app, 'alice', [], 5001);
    const newer = await secondLogin();
    await call(h.app, 'PUT', '/v1/peers/me', {
      token: newer,
      body: { host: '127.0.0.1', port: 5002 },
    });
    const newest = await secondLogin();
    const back = await call(h.app, 'PUT', '/v1/peers/me', {
      token: newest,
      body: { host: '127.0.0.1', port: 5003 },
    });
    expect(back.statusCode).toBe(200);
    const stale = await call(h.app, 'PUT', '/v1/peers/me', {
      token: newer,
      body: { host: '127.0.0.1', port: 5002 },
    });
    expect(stale.json()).toMatchObject({ code: ErrorCode.SessionReplaced });
    expect((await alicePresence(newest)).ports).toEqual([5003]);
  });
});
