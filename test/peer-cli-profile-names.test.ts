import { openProfileStore } from '@ferry/peer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { runPeerCli } from './helpers/peer-cli.js';
import { TempDirs } from './helpers/peer-temp.js';

const temp = new TempDirs();
afterEach(() => temp.cleanup());

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString'];

describe('--profile with the name of an Object.prototype property', () => {
  it.each(PROTOTYPE_NAMES)(
    '"%s" is an unknown profile when none is saved',
    async (name) => {
      const home = await temp.make();
      const result = await runPeerCli(['peers', '--profile', name], {
        FERRY_HOME: home,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `ferry-peer: no saved profile named "${name}"\n`,
      );
    },
  );

  it('lists only the profiles saved, and finds one saved under such a name', async () => {
    const home = await temp.make();
    const store = openProfileStore({ home });
    expect(store.get('constructor')).toBeUndefined();
    store.save({
      name: 'constructor',
      username: 'alice',
      directoryUrl: 'http://127.0.0.1:7070',
      shareDir: '/srv/share',
      downloadDir: '/srv/downloads',
      listen: '127.0.0.1:0',
    });
    const again = openProfileStore({ home });
    expect(again.get('constructor')?.username).toBe('alice');
    expect(again.get('toString')).toBeUndefined();
    expect(again.list().map((p) => p.name)).toEqual(['constructor']);
  });
});
