import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  namedFile,
  onlineWithFiles,
  tiedTracks,
} from './helpers/directory-http.js';
import { registeredUserEnv, runPeerCli } from './helpers/peer-cli.js';
import {
  startTestDirectory,
  type TestDirectory,
} from './helpers/peer-directory.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
let directory: TestDirectory;
let bobEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  directory = await startTestDirectory(await temp.make('ferry-dir-'), 60_000);
  // alice is online with 130 names that tie on length, and one more name
  await onlineWithFiles(directory.url, 'alice', [
    ...tiedTracks('mp3'),
    namedFile('lonely song.mp3'),
  ]);
  bobEnv = await registeredUserEnv(
    'bob',
    directory.url,
    'a long enough password',
    await temp.make('ferry-bob-'),
  );
});

afterAll(async () => {
  await directory?.close();
  await temp.cleanup();
});

describe('ferry-peer search over a tie larger than a search reads', () => {
  it('says some names were left out, in the table and in JSON', async () => {
    // When bob searches for the tied word, as a table and as JSON
    const table = await runPeerCli(
      ['search', 'track', '--limit', '200'],
      bobEnv,
    );
    const json = await runPeerCli(['search', 'track', '--json'], bobEnv);

    // Then the table ends with a line saying so
    expect(table.status).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines).toHaveLength(1 + 128 + 1);
    expect(lines.at(-1)).toMatch(/some were left out: add words to narrow it/);
    // And the JSON document says so too
    const doc = JSON.parse(json.stdout) as { truncated: boolean };
    expect(doc.truncated).toBe(true);
  });

  it('says nothing of the kind for a search with no tie', async () => {
    // When bob searches for a word of one name
    const table = await runPeerCli(['search', 'lonely'], bobEnv);
    const json = await runPeerCli(['search', 'lonely', '--json'], bobEnv);

    // Then the table is a header and one row, and the JSON says no cut
    expect(table.stdout.trim().split('\n')).toHaveLength(2);
    expect(table.stdout).not.toMatch(/left out/);
    expect(JSON.parse(json.stdout)).toMatchObject({ truncated: false });
  });
});
