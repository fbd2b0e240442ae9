import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPeerCli } from './helpers/peer-cli.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();

afterAll(async () => {
  await temp.cleanup();
});

/** The URL of a port on 127.0.0.1 that nothing listens on any more. */
async function closedPortUrl(): Promise<string> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('ferry-peer logout with the directory down', () => {
  it('forgets the session here and says in one line the directory was not told', async () => {
    // Given bob's saved session at a directory that is down
    const url = await closedPortUrl();
    const home = await temp.make('ferry-bob-');
    const sessions = path.join(home, 'sessions.json');
    await writeFile(sessions, JSON.stringify({ [`bob@${url}`]: 'abc123' }));
    // When bob logs out
    const result = await runPeerCli(['logout', '--user', 'bob'], {
      FERRY_HOME: home,
      FERRY_DIRECTORY: url,
    });
    // Then one line says the session is forgotten here but not ended there
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'ferry-peer: logged out bob here, but could not end the session at ' +
        `the directory (logout: directory unreachable (ECONNREFUSED)); it ` +
        'ends there when it expires\n',
    );
    // And no session is left in sessions.json
    expect(JSON.parse(await readFile(sessions, 'utf8'))).toEqual({});
  });
});
