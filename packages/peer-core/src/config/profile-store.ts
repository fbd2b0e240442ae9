import path from 'node:path';
import Conf from 'conf';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import type { Profile, ProfileStore } from '../peer/peer-client.js';
import { resolveFerryPaths, type HomeOptions } from './paths.js';
import { readProfiles } from './profiles-file.js';
import { validateProfile } from './profile-schema.js';

interface ProfilesFile extends Record<string, unknown> {
  profiles: Record<string, unknown>;
}

/**
 * Profiles in `profiles.json` of the config folder: read afresh by each
 * call, written (with `conf`) only by `save` and `remove`.
 */
class ConfProfileStore implements ProfileStore {
  #conf: Conf<ProfilesFile> | undefined;

  constructor(
    private readonly configDir: string,
    private readonly file: string,
  ) {}

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
    return validateProfile(all[name], `${this.file}: profile "${name}"`);
  }

  save(profile: Profile): void {
    const valid = validateProfile(profile, `profile "${profile.name}"`);
    this.write(
      { ...this.all(), [valid.name]: valid },
      `cannot save profile "${valid.name}"`,
    );
  }

  remove(name: string): void {
    const rest = Object.fromEntries(
      Object.entries(this.all()).filter(([key]) => key !== name),
    );
    this.write(rest, `cannot remove profile "${name}"`);
  }

  private all(): Record<string, unknown> {
    return readProfiles(this.file);
  }

  private write(profiles: Record<string, unknown>, what: string): void {
    try {
      this.#conf ??= new Conf<ProfilesFile>({
        cwd: this.configDir,
        configName: 'profiles',
        projectSuffix: '',
        schema: { profiles: { type: 'object' } },
      });
      this.#conf.set('profiles', profiles);
    } catch (error) {
      throw new PeerError(
        PeerErrorCode.Io,
        `${what} in ${this.file}: ${getErrorMessage(error)}`,
        { cause: error },
      );
    }
  }
}

/**
 * Opens the saved login profiles, reading but never writing: `home` (or
 * `FERRY_HOME`) moves the file, and a damaged file or a profile that fails
 * validation throws an error naming the file (and key).
 */
export function openProfileStore(options: HomeOptions = {}): ProfileStore {
  const { configDir } = resolveFerryPaths(options);
  const file = path.join(configDir, 'profiles.json');
  readProfiles(file);
  return new ConfProfileStore(configDir, file);
}
