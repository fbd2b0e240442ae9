import type { LoginOverrides } from '../app/login-overrides.js';
import { Box, Text } from 'ink';
import type { PeerClient, ProfileStore } from '@ferry/peer-core';
import { Footer } from '../components/Footer.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { safeText } from '../format/safe-text.js';
import { Scope } from '../keys/command.js';
import { loginScopes } from './login-mode.js';
import { PasswordPrompt } from './PasswordPrompt.js';
import { ProfileForm } from './ProfileForm.js';
import { ProfileList } from './ProfileList.js';
import type { Connect } from './useLoginAttempt.js';
import { useLoginFlow } from './useLoginFlow.js';

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
  connect: Connect;
  onLoggedIn: (client: PeerClient) => void;
  onQuit: () => void;
  /** Where a new profile's folders go by default (see `defaultProfile`). */
  home?: string;
  /** Fields the command line sets over a profile picked to log in. */
  overrides?: LoginOverrides;
}) {
  const { columns, rows } = useTerminalSize();
  const flow = useLoginFlow({ store, connect, onLoggedIn, home, overrides });
  const { mode } = flow;
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Text bold color="cyan">
        {' ferry · log in'}
      </Text>
      <Box flexDirection="column" flexGrow={1} paddingX={1}>
        {mode.kind === 'list' ? (
          <ProfileList
            profiles={flow.profiles}
            width={columns - 2}
            height={rows - 5}
            onPick={flow.pick}
            onNew={flow.create}
            onEdit={flow.edit}
            onDelete={flow.remove}
            onQuit={onQuit}
          />
        ) : null}
        {mode.kind === 'list' && flow.listError ? (
          <Text color="red">{safeText(flow.listError)}</Text>
        ) : null}
        {mode.kind === 'form' ? (
          <ProfileForm
            width={columns - 2}
            initial={mode.profile}
            onSave={(profile) => flow.save(profile, mode.replaces)}
            onCancel={flow.toList}
          />
        ) : null}
        {mode.kind === 'password' ? (
          <PasswordPrompt
            width={columns - 2}
            profile={mode.profile}
            busy={mode.busy}
            error={mode.error}
            onSubmit={(password, register) =>
              flow.login(mode.profile, password, register)
            }
            onBack={flow.toList}
            onCancel={() => flow.cancelLogin(mode.profile)}
          />
        ) : null}
      </Box>
      <Footer scopes={[...loginScopes(mode), Scope.App]} width={columns} />
    </Box>
  );
}
