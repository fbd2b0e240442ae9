import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Text, useInput, type Key } from 'ink';
import {
  applyEdit,
  textEdits,
  textState,
  type TextState,
} from './text-edit.js';

/**
 * A one-line text box; `mask` shows `*` for each character (passwords).
 *
 * Enter submits exactly what was typed before it, however fast the keys
 * come: the text lives in a ref that each key updates at once, and the
 * key handler never changes, so it never waits for React to re-render
 * and Ink to re-subscribe it (a handler closing over rendered state
 * submitted the text minus its last characters). `onChange` is called
 * with each new value from the key handler itself, not from an effect.
 */
export function TextField({
  defaultValue = '',
  placeholder = '',
  mask = false,
  isDisabled = false,
  onChange,
  onSubmit,
}: {
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
    if (isDisabled) return <Text dimColor>{placeholder}</Text>;
    if (placeholder === '') return <Text inverse> </Text>;
    return (
      <Text>
        <Text inverse>{placeholder[0]}</Text>
        <Text dimColor>{placeholder.slice(1)}</Text>
      </Text>
    );
  }
  if (isDisabled) return <Text>{chars.join('')}</Text>;
  return (
    <Text>
      {chars.slice(0, shown.cursor).join('')}
      <Text inverse>{chars[shown.cursor] ?? ' '}</Text>
      {chars.slice(shown.cursor + 1).join('')}
    </Text>
  );
}
