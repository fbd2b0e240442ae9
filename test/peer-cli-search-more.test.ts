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

describe('ferry-peer search when more files match than it lists', () => {
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

  it('says more files lie past --limit, in the table and in JSON', async () => {
    // When bob asks for 4 of the ten "track 00…" names
    const table = await runPeerCli(
      ['search', 'track 00', '--limit', '4'],
      bobEnv,
    );
    const json = await runPeerCli(
      ['search', 'track 00', '--limit', '4', '--json'],
      bobEnv,
    );

    // Then the table of 4 ends with a line saying how to see more
    const lines = table.stdout.trim().split('\n');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines.at(-1)).toMatch(/^more files match than these 4: --limit/);
    // And the JSON document says there are more, none left out
    expect(JSON.parse(json.stdout)).toMatchObject({
      more: true,
      truncated: false,
    });
  });

  it('says nothing of the kind for a search listing every match', async () => {
    // When bob searches for a word of one name
    const table = await runPeerCli(['search', 'lonely'], bobEnv);
    const json = await runPeerCli(['search', 'lonely', '--json'], bobEnv);

    // Then the table is a header and one row, and the JSON says no more
    expect(table.stdout.trim().split('\n')).toHaveLength(2);
    expect(table.stdout).not.toMatch(/left out|more files match/);
    expect(JSON.parse(json.stdout)).toMatchObject({
      more: false,
      truncated: false,
    });
  });
});
