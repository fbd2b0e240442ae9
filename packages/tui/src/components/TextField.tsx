import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Text, useInput, type Key } from 'ink';
import {
  applyEdit,
  textEdits,
  textState,
  type TextState,
} from './text-edit.js';
import { fieldView } from './field-view.js';
import { cut } from '../format/safe-text.js';

/**
 * A one-line text box `width` columns wide; `mask` shows `*` for each
 * character (passwords). Text wider than the box is never wrapped: the
 * box shows the part around the cursor, "…" where it is cut.
 *
 * Enter submits exactly what was typed before it, however fast the keys
 * come: the text lives in a ref that each key updates at once, and the
 * key handler never changes, so it never waits for React to re-render
 * and Ink to re-subscribe it (a handler closing over rendered state
 * submitted the text minus its last characters). `onChange` is called
 * with each new value from the key handler itself, not from an effect.
 */
export function TextField({
  width,
  defaultValue = '',
  placeholder = '',
  mask = false,
  isDisabled = false,
  onChange,
  onSubmit,
}: {
  width: number;
  defaultValue?: string;
  placeholder?: string;
  mask?: boolean;
  isDisabled?: boolean;
  onChange?: (value: string) => void;
  onSubmit?: (value: string) => void;
}) {
  const [shown, setShown] = useState(() => textState(defaultValue));
  const text = useRef<TextState>(shown);
  const callbacks = useRef({ onChange, onSubmit });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onSubmit };
  });
  const onInput = useCallback((input: string, key: Key) => {
    for (const edit of textEdits(input, key)) {
      if (edit.type === 'submit') {
        callbacks.current.onSubmit?.(text.current.value);
        return;
      }
      const before = text.current;
      text.current = applyEdit(before, edit);
      setShown(text.current);
      if (text.current.value !== before.value) {
        callbacks.current.onChange?.(text.current.value);
      }
    }
  }, []);
  useInput(onInput, { isActive: !isDisabled });
  const chars = [...(mask ? '*'.repeat([...shown.value].length) : shown.value)];
  if (chars.length === 0) {
    const hint = cut(placeholder, width);
    if (isDisabled) return <Text dimColor>{hint}</Text>;
    if (hint === '') return <Text inverse> </Text>;
    return (
      <Text>
        <Text inverse>{hint[0]}</Text>
        <Text dimColor>{hint.slice(1)}</Text>
      </Text>
    );
  }
  const view = fieldView(chars, shown.cursor, width);
  if (isDisabled) return <Text>{view.before + view.at + view.after}</Text>;
  return (
    <Text>
      {view.before}
      <Text inverse>{view.at}</Text>
      {view.after}
    </Text>
  );
}
