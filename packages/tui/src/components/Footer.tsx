import { Text } from 'ink';
import type { Scope } from '../keys/command.js';
import { keyLabel } from '../keys/key-name.js';
import { hintsFor } from '../keys/keymap.js';
import { fit } from '../format/safe-text.js';

/** The key hints of the active scopes, from the keymap; a notice first. */
export function Footer({
  scopes,
  width,
  notice = '',
}: {
  scopes: readonly Scope[];
  width: number;
  notice?: string;
}) {
  const hints = hintsFor(scopes)
    .map((x) => `${keyLabel(x.keys[0] ?? '')} ${x.hint ?? ''}`)
    .join('  ');
  const lead = notice ? ` ${notice} ·` : '';
  return (
    <Text>
      <Text color="yellow">{lead}</Text>
      <Text dimColor>
        {fit(` ${hints}`, Math.max(0, width - 1 - lead.length))}
      </Text>
    </Text>
  );
}
