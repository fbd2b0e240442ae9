import path from 'node:path';
import Conf from 'conf';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import type { Profile, ProfileStore } from '../peer/peer-client.js';
import { resolveFerryPaths, type HomeOptions } from './paths.js';
import { validateProfile } from './profile-schema.js';

interface ProfilesFile extends Record<string, unknown> {
  profiles: Record<string, unknown>;
}

/** Profiles saved with `conf` in `profiles.json` of the config folder. */
class ConfProfileStore implements ProfileStore {
  constructor(private readonly conf: Conf<ProfilesFile>) {}

  list(): Profile[] {
    return Object.keys(this.all())
      .sort((a, b) => a.localeCompare(b))
      .map((name) => this.get(name))
      .filter((profile): profile is Profile => profile !== undefined);
  }

  /** Own keys only: `constructor` or `__proto__` is not a saved profile. */
  get(name: string): Profile | undefined {
    const all = this.all();
    if (!Object.hasOwn(all, name)) return undefined;
    return validateProfile(all[name], `${this.conf.path}: profile "${name}"`);
  }

  save(profile: Profile): void {
    const valid = validateProfile(profile, `profile "${profile.name}"`);
    this.conf.set('profiles', { ...this.all(), [valid.name]: valid });
  }

  remove(name: string): void {
    const rest = Object.fromEntries(
      Object.entries(this.all()).filter(([key]) => key !== name),
    );
    this.conf.set('profiles', rest);
  }

  private all(): Record<string, unknown> {
    return this.conf.get('profiles');
  }
}

/**
 * Opens the saved login profiles. `home` (or `FERRY_HOME`) moves the file;
 * a profile that fails validation throws an error naming the file and key.
 */
export function openProfileStore(options: HomeOptions = {}): ProfileStore {
  const { configDir } = resolveFerryPaths(options);
  try {
    const conf = new Conf<ProfilesFile>({
      cwd: configDir,
      configName: 'profiles',
      projectSuffix: '',
      defaults: { profiles: {} },
      schema: { profiles: { type: 'object' } },
    });
    return new ConfProfileStore(conf);
  } catch (error) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      `${path.join(configDir, 'profiles.json')}: ${getErrorMessage(error)}`,
      { cause: error },
    );
  }
}
