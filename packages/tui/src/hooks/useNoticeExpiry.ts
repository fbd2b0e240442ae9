import { useEffect, type Dispatch } from 'react';
import type { UiAction } from '../state/ui-action.js';

/** How long a footer notice stays. */
export const NOTICE_MS = 8_000;

/**
 * Clears the footer notice `NOTICE_MS` after it was shown; a newer notice
 * starts the wait again.
 */
export function useNoticeExpiry(
  notice: string,
  serial: number,
  dispatch: Dispatch<UiAction>,
): void {
  useEffect(() => {
    if (notice === '') return undefined;
    const timer = setTimeout(
      () => dispatch({ type: 'notice-expired', serial }),
      NOTICE_MS,
    );
    return () => clearTimeout(timer);
  }, [notice, serial, dispatch]);
}
