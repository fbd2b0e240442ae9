import { describe, expect, it } from 'vitest';
import type { FileEntry } from '@ferry/directory';
import {
  namedFile,
  ok,
  onlineWithFiles,
  send,
  tiedTracks,
} from './helpers/directory-http.js';
import { useTestDirectory } from './helpers/peer-directory.js';

const directory = useTestDirectory('ferry-dir-ties-', 60_000, {
  scrypt: { N: 1024, r: 8, p: 1 },
});

const online = (username: string, files: FileEntry[]) =>
  onlineWithFiles(directory.url, username, files);

interface Found {
  results: { name: string }[];
  nextCursor: string | null;
  truncated: boolean;
}

async function search(query: string, token: string): Promise<Found> {
  return (await ok(
    await send(directory.url, 'GET', `/v1/search?${query}`, undefined, token),
  )) as Found;
}

async function searchNames(query: string, token: string): Promise<string[]> {
  const found = await search(query, token);
  return found.results.map((result) => result.name);
}

describe('search over a large tie of equally long names', () => {
  it('finds an online file past names held only by offline peers', async () => {
    // Given bob shared 130 tied names and logged out (offline)
    const bob = await online('bob', tiedTracks('mp3'));
    await ok(
      await send(
        directory.url,
        'DELETE',
        '/v1/sessions/current',
        undefined,
        bob,
      ),
    );
    // And alice, online, shares one more name of the same tie
    const alice = await online('alice', [namedFile('track 999.mp3')]);

    // When alice searches for it by its first word
    const names = await searchNames('q=track', alice);

    // Then her online file is found
    expect(names).toEqual(['track 999.mp3']);
  });

  it('finds the one file of an extension past a tie of another one', async () => {
    // Given 130 tied mp3 names and one wav name of the same tie, all online
    const carol = await online('carol', tiedTracks('mp3'));
    await online('dave', [namedFile('track 500.wav')]);

    // When carol searches for the word, only .wav files
    const names = await searchNames('q=track&ext=wav', carol);

    // Then the wav file is found
    expect(names).toEqual(['track 500.wav']);
  });

  it('finds the one file of a size range past a tie of other sizes', async () => {
    // Given 130 tied names of 1000 bytes and one of 5000 bytes, all online
    const erin = await online('erin', tiedTracks('mp3'));
    await online('frank', [namedFile('track 500.mp3', 5000)]);

    // When erin searches for the word, only files of 2000 bytes or more
    const names = await searchNames('q=track&minSize=2000', erin);

    // Then the larger file is found
    expect(names).toEqual(['track 500.mp3']);
  });

  it('says when a tie was cut, and not when more words narrow it', async () => {
    // Given 130 tied names, all online
    const gina = await online('gina', tiedTracks('mp3'));

    // When gina searches for their common word, then for ten of them
    const all = await search('q=track&limit=200', gina);
    const ten = await search('q=track%2000', gina);

    // Then the first answer keeps 128 names and says some were passed over
    expect(all.results).toHaveLength(128);
    expect(all.nextCursor).toBeNull();
    expect(all.truncated).toBe(true);
    // And the narrower one has all ten and says nothing was
    expect(ten.results).toHaveLength(10);
    expect(ten.truncated).toBe(false);
  });

  it('says a tie was cut only on the pages that reach it', async () => {
    // Given 5 shorter names, which rank first, and then 130 tied ones
    const short = Array.from({ length: 5 }, (_, i) =>
      namedFile(`track ${i}.mp3`),
    );
    const hank = await online('hank', [...short, ...tiedTracks('mp3')]);

    // When hank reads the results 5 at a time
    const first = await search('q=track&limit=5', hank);
    const cursor = encodeURIComponent(first.nextCursor ?? '');
    const second = await search(`q=track&limit=5&cursor=${cursor}`, hank);

    // Then the page of short names says nothing was passed over
    expect(first.results.map((result) => result.name).sort()).toEqual(
      short.map((entry) => entry.name),
    );
    expect(first.truncated).toBe(false);
    // And the next page, inside the tie, says names were
    expect(second.results).toHaveLength(5);
    expect(second.truncated).toBe(true);
  });
});
