import { useState } from 'react';
import type { LoginOverrides } from '../app/login-overrides.js';
import { Box, Text } from 'ink';
import {
  getErrorMessage,
  type LoginRequest,
  type PeerClient,
  type Profile,
  type ProfileStore,
} from '@ferry/peer-core';
import { Footer } from '../components/Footer.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { safeText } from '../format/safe-text.js';
import { Scope } from '../keys/command.js';
import { newPasswordProblem } from './account-rules.js';
import { loginProblem } from './login-error.js';
import { PasswordPrompt } from './PasswordPrompt.js';
import { defaultProfile } from './profile-fields.js';
import { ProfileForm } from './ProfileForm.js';
import { ProfileList } from './ProfileList.js';

/** Runs a profile-store call; a failure becomes a message, not a crash. */
function attempt<T>(call: () => T): { value?: T; error?: string } {
  try {
    return { value: call() };
  } catch (error) {
    return { error: getErrorMessage(error) };
  }
}

type Mode =
  | { kind: 'list' }
  | { kind: 'form'; profile: Profile; replaces?: string }
  | { kind: 'password'; profile: Profile; busy: boolean; error: string };

const SCOPES: Record<Mode['kind'], Scope[]> = {
  list: [Scope.Profiles, Scope.List],
  form: [Scope.Form],
  password: [Scope.Password],
};

/** Saved profiles, the profile form, and the password prompt. */
export function LoginScreen({
  store,
  connect,
  onLoggedIn,
  onQuit,
  home,
  overrides,
}: {
  store: ProfileStore;
  connect: (request: LoginRequest) => Promise<PeerClient>;
  onLoggedIn: (client: PeerClient) => void;
  onQuit: () => void;
  /** Where a new profile's folders go by default (see `defaultProfile`). */
  home?: string;
  /** Fields the command line sets over a profile picked to log in. */
  overrides?: LoginOverrides;
}) {
  const { columns, rows } = useTerminalSize();
  const [listed, setListed] = useState(() => attempt(() => store.list()));
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const profiles = listed.value ?? [];
  const toList = () => {
    setListed(attempt(() => store.list()));
    setMode({ kind: 'list' });
  };
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
    if (saved.error) return saved.error;
    toList();
    return undefined;
  };
  const login = (profile: Profile, password: string, register: boolean) => {
    const refused = register ? newPasswordProblem(password) : undefined;
    if (refused) {
      setMode({ kind: 'password', profile, busy: false, error: refused });
      return;
    }
    setMode({ kind: 'password', profile, busy: true, error: '' });
    connect({ profile, password, register }).then(onLoggedIn, (e: unknown) =>
      setMode({
        kind: 'password',
        profile,
        busy: false,
        error: loginProblem(e, profile.directoryUrl).message,
      }),
    );
  };
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Text bold color="cyan">
        {' ferry · log in'}
      </Text>
      <Box flexDirection="column" flexGrow={1} paddingX={1}>
        {mode.kind === 'list' ? (
          <ProfileList
            profiles={profiles}
            width={columns - 2}
            height={rows - 5}
            onPick={(picked) =>
              setMode({
                kind: 'password',
                profile: { ...picked, ...overrides },
                busy: false,
                error: '',
              })
            }
            onNew={() =>
              setMode({
                kind: 'form',
                profile: { ...defaultProfile(home), ...overrides },
              })
            }
            onEdit={(profile) =>
              setMode({ kind: 'form', profile, replaces: profile.name })
            }
            onDelete={(profile) => {
              const removed = attempt(() => store.remove(profile.name));
              const next = attempt(() => store.list());
              setListed({ ...next, error: removed.error ?? next.error });
            }}
            onQuit={onQuit}
          />
        ) : null}
        {mode.kind === 'list' && listed.error ? (
          <Text color="red">{safeText(listed.error)}</Text>
        ) : null}
        {mode.kind === 'form' ? (
          <ProfileForm
            width={columns - 2}
            initial={mode.profile}
            onSave={(profile) => save(profile, mode.replaces)}
            onCancel={toList}
          />
        ) : null}
        {mode.kind === 'password' ? (
          <PasswordPrompt
            width={columns - 2}
            profile={mode.profile}
            busy={mode.busy}
            error={mode.error}
            onSubmit={(password, register) =>
              login(mode.profile, password, register)
            }
            onBack={toList}
          />
        ) : null}
      </Box>
      <Footer scopes={[...SCOPES[mode.kind], Scope.App]} width={columns} />
    </Box>
  );
}
