import type { Profile, ProfileStore } from '../peer/peer-client.js';

/** A `ProfileStore` held in memory, for tests of front ends. */
export class MemoryProfileStore implements ProfileStore {
  readonly #profiles = new Map<string, Profile>();

  constructor(profiles: readonly Profile[] = []) {
    for (const profile of profiles) this.save(profile);
  }

  list(): Profile[] {
    return [...this.#profiles.values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  }

  get(name: string): Profile | undefined {
    const profile = this.#profiles.get(name);
    return profile && { ...profile };
  }

  save(profile: Profile): void {
    this.#profiles.set(profile.name, { ...profile });
  }

  remove(name: string): void {
    this.#profiles.delete(name);
  }
}
