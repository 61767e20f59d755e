import { useRef, useState, type KeyboardEvent } from 'react';

/** How many marks Page Up and Page Down skip. */
const PAGE = 10;

/**
 * A roving tabindex over `count` marks in reading order: Tab enters at one mark (the last one focused),
 * arrow keys move to the previous or next, Home and End to the first and last, Page Up and Page Down ten
 * at a time. One tab stop for the whole chart, so a chart of a thousand dots does not trap the Tab key.
 */
export function useRovingFocus(count: number) {
  const [current, setCurrent] = useState(0);
  const marks = useRef<Array<SVGElement | null>>([]);
  const active = Math.min(current, Math.max(0, count - 1));

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setCurrent(next);
    marks.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const targets: Record<string, number> = {
      ArrowRight: active + 1,
      ArrowDown: active + 1,
      ArrowLeft: active - 1,
      ArrowUp: active - 1,
      PageDown: active + PAGE,
      PageUp: active - PAGE,
      Home: 0,
      End: count - 1,
    };
    const target = targets[event.key];
    if (target === undefined || count === 0) return;
    event.preventDefault();
    moveTo(target);
  };

  return {
    active,
    tabIndexOf: (index: number) => (index === active ? 0 : -1),
    markRef: (index: number) => (element: SVGElement | null) => {
      marks.current[index] = element;
    },
    /** Keeps the tab stop on a mark focused some other way (a click, a screen reader's cursor). */
    onFocusMark: (index: number) => setCurrent(index),
    onKeyDown,
  };
}
