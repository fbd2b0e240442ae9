import { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import type { Profile } from '@ferry/peer-core';
import { TextField } from '../components/TextField.js';
import { fit, safeText } from '../format/safe-text.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { PROFILE_FIELDS, profileProblem } from './profile-fields.js';

const LABEL_WIDTH = 18;

/** Creates or edits a profile: Tab moves between fields, Enter saves. */
export function ProfileForm({
  width,
  initial,
  onSave,
  onCancel,
}: {
  /** Columns of a field's line, its label included. */
  width: number;
  initial: Profile;
  /** Saves; returns what went wrong, shown in place, if it could not. */
  onSave: (profile: Profile) => string | undefined;
  onCancel: () => void;
}) {
  // The draft as typed, at once (Enter right after a key saves it whole);
  // `shown` is what the screen last drew of it.
  const draft = useRef(initial);
  const [shown, setShown] = useState(initial);
  const [field, setField] = useState(0);
  const [problem, setProblem] = useState('');
  const step = (delta: number) => () =>
    setField(
      (f) => (f + delta + PROFILE_FIELDS.length) % PROFILE_FIELDS.length,
    );
  const save = () =>
    setProblem(profileProblem(draft.current) ?? onSave(draft.current) ?? '');
  // Enter (FormSave) is the field's: it saves every character typed
  // before it, even in one burst.
  useCommands(
    [Scope.Form],
    {
      [Command.FormNext]: step(1),
      [Command.FormPrev]: step(-1),
      [Command.Back]: onCancel,
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
          <Box width={LABEL_WIDTH} flexShrink={0}>
            <Text color={index === field ? 'cyan' : undefined}>
              {fit(label, LABEL_WIDTH)}
            </Text>
          </Box>
          {index === field ? (
            <TextField
              key={key}
              width={width - LABEL_WIDTH}
              defaultValue={shown[key]}
              onChange={(value) => {
                draft.current = { ...draft.current, [key]: value };
                setShown(draft.current);
              }}
              onSubmit={save}
            />
          ) : (
            <Text wrap="truncate-end">{safeText(shown[key])}</Text>
          )}
        </Box>
      ))}
      <Text color="red">{safeText(problem)}</Text>
    </Box>
  );
}
