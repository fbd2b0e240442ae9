import { useState } from 'react';
import { Box, Text } from 'ink';
import type { Profile } from '@ferry/peer-core';
import { fit, safeText } from '../format/safe-text.js';
import { directoryHost } from '../format/status-line.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { WindowedList } from '../components/WindowedList.js';

/** Saved profiles: pick one (Enter), create (n), edit (e), delete (d, y). */
export function ProfileList({
  profiles,
  width,
  height,
  onPick,
  onNew,
  onEdit,
  onDelete,
  onQuit,
}: {
  profiles: readonly Profile[];
  width: number;
  height: number;
  onPick: (profile: Profile) => void;
  onNew: () => void;
  onEdit: (profile: Profile) => void;
  onDelete: (profile: Profile) => void;
  onQuit: () => void;
}) {
  const [cursor, setCursor] = useState(0);
  const [deleting, setDeleting] = useState<Profile | undefined>();
  const at = Math.min(cursor, Math.max(0, profiles.length - 1));
  const selected = profiles[at];
  const move = (delta: number) => () =>
    setCursor(Math.max(0, Math.min(profiles.length - 1, at + delta)));
  const withSelected = (act: (p: Profile) => void) => () => {
    if (selected) act(selected);
  };
  useCommands(
    [Scope.Profiles, Scope.List],
    {
      [Command.Up]: move(-1),
      [Command.Down]: move(1),
      [Command.LoginSelect]: withSelected(onPick),
      [Command.LoginEdit]: withSelected(onEdit),
      [Command.LoginDelete]: withSelected(setDeleting),
      [Command.LoginNew]: onNew,
      [Command.Quit]: onQuit,
    },
    deleting === undefined,
  );
  useCommands(
    [Scope.Confirm],
    {
      [Command.ConfirmYes]: () => {
        if (deleting) onDelete(deleting);
        setDeleting(undefined);
      },
      [Command.ConfirmNo]: () => setDeleting(undefined),
    },
    deleting !== undefined,
  );
  const line = (index: number) => {
    const p = profiles[index];
    if (!p) return '';
    const where = `${p.username}@${directoryHost(p.directoryUrl)}`;
    return fit(p.name, 20) + fit(where, width - 26);
  };
  return (
    <Box flexDirection="column">
      <Text bold>Profiles</Text>
      <WindowedList
        count={profiles.length}
        cursor={at}
        height={height}
        width={width - 4}
        focused
        line={line}
        empty="No saved profile yet. Press n to create one."
      />
      {deleting ? (
        <Text color="yellow">
          {safeText(`Delete profile ${deleting.name}? (y/n)`)}
        </Text>
      ) : null}
    </Box>
  );
}
