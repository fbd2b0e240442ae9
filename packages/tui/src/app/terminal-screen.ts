import ansiEscapes from 'ansi-escapes';

/**
 * Switches `stream` to the alternate screen buffer and returns the function
 * that switches back and shows the cursor again. That function is safe to
 * call more than once and also runs on process exit, so the terminal is
 * restored after a quit, a signal or a crash alike.
 */
export function enterAlternateScreen(stream: NodeJS.WriteStream): () => void {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off('exit', restore);
    stream.write(ansiEscapes.cursorShow + ansiEscapes.exitAlternativeScreen);
  };
  stream.write(ansiEscapes.enterAlternativeScreen + ansiEscapes.cursorTo(0, 0));
  process.on('exit', restore);
  return restore;
}
