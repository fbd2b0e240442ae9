import { useState } from 'react';
import {
  getErrorMessage,
  type Profile,
  type ProfileStore,
} from '@ferry/peer-core';

/** Runs a profile-store call; a failure becomes a message, not a crash. */
function attempt<T>(call: () => T): { value?: T; error?: string } {
  try {
    return { value: call() };
  } catch (error) {
    return { error: getErrorMessage(error) };
  }
}

/**
 * The saved profiles, or why they could not be read; saving and removing
 * one return or show their failure instead of throwing.
 */
export function useSavedProfiles(store: ProfileStore) {
  const [listed, setListed] = useState(() => attempt(() => store.list()));
  const reload = () => setListed(attempt(() => store.list()));
  /** Saves `profile` (renaming `replaces`); returns why it could not. */
  const save = (profile: Profile, replaces?: string): string | undefined => {
    const existing = attempt(() => store.list());
    if (existing.error) return existing.error;
    const taken = existing.value?.some((p) => p.name === profile.name);
    if (taken && profile.name !== replaces) {
      return `A profile named ${profile.name} already exists: pick another name (Esc, then e edits it).`;
    }
    const saved = attempt(() => {
      store.save(profile);
      if (replaces && replaces !== profile.name) store.remove(replaces);
    });
    return saved.error;
  };
  const remove = (profile: Profile) => {
    const removed = attempt(() => store.remove(profile.name));
    const next = attempt(() => store.list());
    setListed({ ...next, error: removed.error ?? next.error });
  };
  return {
    profiles: listed.value ?? [],
    listError: listed.error,
    reload,
    save,
    remove,
  };
}
