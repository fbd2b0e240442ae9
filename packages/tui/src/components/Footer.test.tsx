import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { Scope } from '../keys/command.js';
import { Footer } from './Footer.js';

let instance: ReturnType<typeof render> | undefined;

afterEach(() => {
  instance?.unmount();
  instance = undefined;
});

/** The footer's frame as plain text: Ink's own colours taken out. */
function drawn(notice: string, width: number): string {
  instance = render(
    <Footer scopes={[Scope.Global]} width={width} notice={notice} />,
  );
  // eslint-disable-next-line no-control-regex
  return (instance.lastFrame() ?? '').replace(/\u001b\[\d+(;\d+)*m/g, '');
}

describe('Footer', () => {
  it('shows a notice with escape codes from a file name safely', () => {
    // Given a notice naming a file with colour codes and a bell
    const frame = drawn(
      'Downloading evil\u001b[31mRED\u001b[0m\u0007.txt',
      100,
    );
    // Then none of them reaches the terminal; each shows as "�"
    expect(frame).toContain('Downloading evil\uFFFD[31mRED\uFFFD[0m\uFFFD.txt');
    expect(frame).not.toContain('\u0007');
    expect(instance?.lastFrame()).not.toContain('\u001b[31m');
  });

  it.each([
    ['a long name', `Downloading ${'x'.repeat(190)}.bin`],
    ['a long wide name', `Downloading ${'日本語'.repeat(60)}.bin`],
  ])('cuts a notice with %s to one line', (_label, notice) => {
    // Given a notice far wider than the terminal
    const frame = drawn(notice, 80);
    // Then the footer is one line, within the width, ending the notice in …
    expect(frame.split('\n')).toHaveLength(1);
    expect(stringWidth(frame)).toBeLessThanOrEqual(79);
    expect(frame).toContain('…');
  });
});
