/** Longest name kept, in UTF-8 bytes: room for " (999).part.ferry". */
export const MAX_NAME_BYTES = 200;

const FALLBACK_NAME = 'download';
// Path separators, characters Windows forbids, control characters, and
// bidi controls (U+202E shows "bidi\u202etxt.exe" as "bidiexe.txt").
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * Turns a name from the network into a safe file name: no path separators,
 * no control, bidi control or reserved characters, not "." or "..", not a
 * reserved device name, no trailing dots or spaces, at most
 * `MAX_NAME_BYTES` bytes (the extension is kept). The result joined to a folder stays in that folder.
 */
export function sanitizeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/^\s+/, '')
    .replace(/[\s.]+$/, '');
  if (safe === '' || /^\.+$/.test(safe)) return FALLBACK_NAME;
  if (RESERVED.test(safe)) safe = `_${safe}`;
  return truncateName(safe, MAX_NAME_BYTES);
}

/** Shortens `name` to `maxBytes` UTF-8 bytes, keeping a short extension. */
function truncateName(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = name.slice(0, name.length - ext.length);
  let kept = '';
  let bytes = Buffer.byteLength(ext);
  for (const char of stem) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    kept += char;
    bytes += size;
  }
  return sanitizeTail(kept) + ext;
}

function sanitizeTail(stem: string): string {
  const trimmed = stem.replace(/[\s.]+$/, '');
  return trimmed === '' ? FALLBACK_NAME : trimmed;
}
