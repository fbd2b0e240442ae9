import { Text } from 'ink';
import stringWidth from 'string-width';
import type { Scope } from '../keys/command.js';
import { keyLabel } from '../keys/key-name.js';
import { hintsFor } from '../keys/keymap.js';
import { cut, fit } from '../format/safe-text.js';

/** What follows the notice, before the key hints. */
const SEPARATOR = ' ·';

/**
 * The key hints of the active scopes, from the keymap; a notice first. The
 * notice may carry names from the network: it is made safe and cut, by
 * display width, so the footer stays one line.
 */
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
  const room = Math.max(0, width - 1);
  const noticeRoom = room - SEPARATOR.length;
  const lead =
    notice && noticeRoom > 1 ? cut(` ${notice}`, noticeRoom) + SEPARATOR : '';
  return (
    <Text>
      <Text color="yellow">{lead}</Text>
      <Text dimColor>{fit(` ${hints}`, room - stringWidth(lead))}</Text>
    </Text>
  );
}
