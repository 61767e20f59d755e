import { useState, type KeyboardEvent } from 'react';

/** How many marks Page Up and Page Down skip. */
const PAGE = 10;

/**
 * Which of `count` marks the keyboard is on, for a chart that is one focusable element: arrow keys move to
 * the previous or next mark in reading order, Home and End to the first and last, Page Up and Page Down ten
 * at a time. The marks themselves are not elements (thousands of dots are drawn as one path), so nothing
 * moves focus: the chart highlights and announces the current mark instead.
 */
export function useMarkCursor(count: number) {
  const [wanted, setWanted] = useState(0);
  // Fewer marks after a filter change keep the cursor on the last one.
  const current = Math.min(wanted, Math.max(0, count - 1));

  /** Moves the cursor for a navigation key; true when the key was one (the caller then claims the event). */
  const onKeyDown = (event: KeyboardEvent): boolean => {
    const targets: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowDown: current + 1,
      ArrowLeft: current - 1,
      ArrowUp: current - 1,
      PageDown: current + PAGE,
      PageUp: current - PAGE,
      Home: 0,
      End: count - 1,
    };
    const target = targets[event.key];
    if (target === undefined || count === 0) return false;
    event.preventDefault();
    setWanted(Math.max(0, Math.min(count - 1, target)));
    return true;
  };

  return { current, onKeyDown };
}
