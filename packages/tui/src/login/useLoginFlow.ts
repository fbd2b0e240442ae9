import { useState } from 'react';
import type { PeerClient, Profile, ProfileStore } from '@ferry/peer-core';
import type { LoginOverrides } from '../app/login-overrides.js';
import { newPasswordProblem } from './account-rules.js';
import { loginProblem } from './login-error.js';
import type { LoginMode } from './login-mode.js';
import { defaultProfile } from './profile-fields.js';
import { useLoginAttempt, type Connect } from './useLoginAttempt.js';
import { useSavedProfiles } from './useSavedProfiles.js';

const CANCELLED = 'Login cancelled.';

export interface LoginFlowOptions {
  store: ProfileStore;
  connect: Connect;
  onLoggedIn: (client: PeerClient) => void;
  home?: string;
  overrides?: LoginOverrides;
}

/**
 * The login screen's state: the saved profiles, the mode shown (list, form
 * or password prompt), and what each of their keys does.
 */
export function useLoginFlow({
  store,
  connect,
  onLoggedIn,
  home,
  overrides,
}: LoginFlowOptions) {
  const saved = useSavedProfiles(store);
  const [mode, setMode] = useState<LoginMode>({ kind: 'list' });
  const attempt = useLoginAttempt(connect);
  const toList = () => {
    saved.reload();
    setMode({ kind: 'list' });
  };
  const login = (profile: Profile, password: string, register: boolean) => {
    const refused = register ? newPasswordProblem(password) : undefined;
    if (refused) {
      setMode({ kind: 'password', profile, busy: false, error: refused });
      return;
    }
    setMode({ kind: 'password', profile, busy: true, error: '' });
    attempt.start({ profile, password, register }, onLoggedIn, (e: unknown) =>
      setMode({
        kind: 'password',
        profile,
        busy: false,
        error: loginProblem(e, profile.directoryUrl).message,
      }),
    );
  };
  const cancelLogin = (profile: Profile) => {
    attempt.cancel();
    setMode({ kind: 'password', profile, busy: false, error: CANCELLED });
  };
  return {
    ...saved,
    mode,
    toList,
    login,
    cancelLogin,
    save: (profile: Profile, replaces?: string): string | undefined => {
      const error = saved.save(profile, replaces);
      if (error === undefined) toList();
      return error;
    },
    pick: (picked: Profile) =>
      setMode({
        kind: 'password',
        profile: { ...picked, ...overrides },
        busy: false,
        error: '',
      }),
    create: () =>
      setMode({
        kind: 'form',
        profile: { ...defaultProfile(home), ...overrides },
      }),
    edit: (profile: Profile) =>
      setMode({ kind: 'form', profile, replaces: profile.name }),
  };
}
