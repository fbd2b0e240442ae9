import { useState } from 'react';
import { Box, Text } from 'ink';
import type { Profile } from '@ferry/peer-core';
import { TextField } from '../components/TextField.js';
import { safeText } from '../format/safe-text.js';
import { directoryHost } from '../format/status-line.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';

const LABEL = 'Password: ';

/**
 * The masked password of a profile. Enter logs in (or, after Tab, registers
 * the account first); `busy` and `error` show the attempt in place, and Esc
 * while `busy` gives it up.
 */
export function PasswordPrompt({
  width,
  profile,
  busy,
  error,
  onSubmit,
  onBack,
  onCancel,
}: {
  /** Columns of the password line, its label included. */
  width: number;
  profile: Profile;
  busy: boolean;
  error: string;
  onSubmit: (password: string, register: boolean) => void;
  onBack: () => void;
  onCancel: () => void;
}) {
  const [register, setRegister] = useState(false);
  // Enter (LoginSubmit) is the field's: it submits every character typed
  // before it, even in one burst.
  useCommands(
    [Scope.Password],
    {
      [Command.Register]: () => setRegister((now) => !now),
      [Command.Back]: onBack,
    },
    !busy,
  );
  useCommands([Scope.Connecting], { [Command.Back]: onCancel }, busy);
  const who = `${profile.username}@${directoryHost(profile.directoryUrl)}`;
  return (
    <Box flexDirection="column">
      <Text bold>{safeText(`Log in as ${who} (profile ${profile.name})`)}</Text>
      <Box>
        <Text>{LABEL}</Text>
        <TextField
          width={width - LABEL.length}
          mask
          isDisabled={busy}
          onSubmit={(password) => onSubmit(password, register)}
        />
      </Box>
      <Text dimColor>
        {register
          ? 'Enter registers this new account, then logs in.'
          : 'Enter logs in. Tab: register a new account instead.'}
      </Text>
      {busy ? <Text color="yellow">Connecting…</Text> : null}
      <Text color="red">{safeText(error)}</Text>
    </Box>
  );
}
