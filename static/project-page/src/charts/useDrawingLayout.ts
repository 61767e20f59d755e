import { useLayoutEffect, useState, type RefObject } from 'react';
import { chartLayout, DEFAULT_LAYOUT, type ChartLayout } from './layout';

/**
 * The layout of a chart drawn across `container`, following its width as the page resizes. Null until the
 * container is measured, so a chart is drawn once at its real width rather than first at a guessed one (a
 * scatterplot of 15,000 dots is worth not drawing twice). Without `ResizeObserver` (test environments that
 * lay out nothing) the default layout is used at once.
 */
export function useDrawingLayout(container: RefObject<HTMLElement | null>): ChartLayout | null {
  const measurable = typeof ResizeObserver !== 'undefined';
  const [layout, setLayout] = useState<ChartLayout | null>(measurable ? null : DEFAULT_LAYOUT);
  useLayoutEffect(() => {
    const element = container.current;
    if (!measurable || element === null) return;
    // Whole pixels: a fraction of a pixel is not worth drawing again for, and it ends resize loops.
    const measure = (width: number) =>
      setLayout((shown) => (shown !== null && shown.width === chartLayout(width).width ? shown : chartLayout(width)));
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (entry !== undefined) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, measurable]);
  return layout;
}
