import { useState } from 'react';
import { Box, Text } from 'ink';
import { TextInput } from '@inkjs/ui';
import type { Profile } from '@ferry/peer-core';
import { fit, safeText } from '../format/safe-text.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { PROFILE_FIELDS, profileProblem } from './profile-fields.js';

/** Creates or edits a profile: Tab moves between fields, Enter saves. */
export function ProfileForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: Profile;
  /** Saves; returns what went wrong, shown in place, if it could not. */
  onSave: (profile: Profile) => string | undefined;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [field, setField] = useState(0);
  const [problem, setProblem] = useState('');
  const step = (delta: number) => () =>
    setField(
      (f) => (f + delta + PROFILE_FIELDS.length) % PROFILE_FIELDS.length,
    );
  useCommands(
    [Scope.Form],
    {
      [Command.FormNext]: step(1),
      [Command.FormPrev]: step(-1),
      [Command.Back]: onCancel,
      [Command.FormSave]: () => {
        setProblem(profileProblem(draft) ?? onSave(draft) ?? '');
      },
    },
    true,
  );
  return (
    <Box flexDirection="column">
      <Text bold>
        {initial.name ? `Edit profile ${initial.name}` : 'New profile'}
      </Text>
      {PROFILE_FIELDS.map(([key, label], index) => (
        <Box key={key}>
          <Box width={18} flexShrink={0}>
            <Text color={index === field ? 'cyan' : undefined}>
              {fit(label, 18)}
            </Text>
          </Box>
          {index === field ? (
            <TextInput
              key={key}
              defaultValue={draft[key]}
              onChange={(value) =>
                setDraft((current) => ({ ...current, [key]: value }))
              }
            />
          ) : (
            <Text wrap="truncate-end">{safeText(draft[key])}</Text>
          )}
        </Box>
      ))}
      <Text color="red">{problem}</Text>
    </Box>
  );
}
