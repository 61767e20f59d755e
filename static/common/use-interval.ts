import { useEffect, useRef } from 'react';

/** Calls `callback` every `delayMs` milliseconds while `delayMs` is a number; `null` pauses. */
export function useInterval(callback: () => void, delayMs: number | null): void {
  const latest = useRef(callback);
  latest.current = callback;

  useEffect(() => {
    if (delayMs === null) return undefined;
    const timer = setInterval(() => latest.current(), delayMs);
    return () => clearInterval(timer);
  }, [delayMs]);
}
