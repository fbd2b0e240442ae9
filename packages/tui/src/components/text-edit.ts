import { withoutControls } from '../format/safe-text.js';

/** A text field's text and where its cursor is, in characters. */
export interface TextState {
  value: string;
  cursor: number;
}

/** One thing a key does to a text field. */
export type TextEdit =
  | { type: 'insert'; text: string }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'submit' };

/** Keys a text field leaves to others (panes, forms, the app). */
export interface FieldKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  return: boolean;
  backspace: boolean;
  delete: boolean;
  escape: boolean;
  tab: boolean;
  ctrl: boolean;
  meta: boolean;
}

export function textState(value: string): TextState {
  return { value, cursor: [...value].length };
}

/**
 * What one input of Ink's `useInput` does, in order. One key is one edit;
 * input that holds several keys (a paste, or keys Ink got in one read)
 * is taken a character at a time, Enter and Backspace included, so
 * `xx⌫⌫word⏎` edits then submits `word`.
 */
export function textEdits(input: string, key: FieldKey): TextEdit[] {
  if (key.return) return [{ type: 'submit' }];
  if (key.backspace || key.delete) return [{ type: 'delete' }];
  if (key.leftArrow) return [{ type: 'left' }];
  if (key.rightArrow) return [{ type: 'right' }];
  if (key.upArrow || key.downArrow || key.tab || key.escape) return [];
  if (key.ctrl || key.meta) return [];
  return [...input].flatMap((char): TextEdit[] => {
    if (char === '\r' || char === '\n') return [{ type: 'submit' }];
    if (char === '\x7f' || char === '\b') return [{ type: 'delete' }];
    // Other control characters (Tab, escapes) and bidi overrides are never
    // text: they would be drawn raw in the focused box.
    if (withoutControls(char) === '') return [];
    return [{ type: 'insert', text: char }];
  });
}

/** `state` after `edit` (a submit leaves it as it is). */
export function applyEdit(state: TextState, edit: TextEdit): TextState {
  const chars = [...state.value];
  switch (edit.type) {
    case 'insert': {
      chars.splice(state.cursor, 0, edit.text);
      return { value: chars.join(''), cursor: state.cursor + 1 };
    }
    case 'delete': {
      if (state.cursor === 0) return state;
      chars.splice(state.cursor - 1, 1);
      return { value: chars.join(''), cursor: state.cursor - 1 };
    }
    case 'left':
      return { ...state, cursor: Math.max(0, state.cursor - 1) };
    case 'right':
      return { ...state, cursor: Math.min(chars.length, state.cursor + 1) };
    case 'submit':
      return state;
    default: {
      const exhaustive: never = edit;
      return exhaustive;
    }
  }
}
