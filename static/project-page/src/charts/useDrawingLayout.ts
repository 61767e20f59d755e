import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { chartLayout, DEFAULT_LAYOUT, type ChartLayout } from './layout';

/**
 * The layout of a chart drawn across `container`, following its width as the page resizes. A chart is drawn
 * once at its real width rather than first at a guessed one (a scatterplot of 15,000 dots is worth not
 * drawing twice): at `expectedWidth` when the page knows how wide the container will be (see `ChartArea`),
 * from its first render; otherwise null until the container is measured when it mounts, which makes the
 * browser lay the page out there and then. Without `ResizeObserver` (test environments that lay out nothing)
 * the default layout is used at once.
 */
export function useDrawingLayout(container: RefObject<HTMLElement | null>, expectedWidth: number | null = null): ChartLayout | null {
  const measurable = typeof ResizeObserver !== 'undefined';
  const [layout, setLayout] = useState<ChartLayout | null>(() =>
    !measurable ? DEFAULT_LAYOUT : expectedWidth === null ? null : chartLayout(expectedWidth),
  );
  // Whether the first render already had a width: the container's own reports then only correct it.
  const drawnAtMount = useRef(layout !== null);
  useLayoutEffect(() => {
    const element = container.current;
    if (!measurable || element === null) return;
    // Whole pixels: a fraction of a pixel is not worth drawing again for, and it ends resize loops.
    const measure = (width: number) =>
      setLayout((shown) => (shown !== null && shown.width === chartLayout(width).width ? shown : chartLayout(width)));
    if (!drawnAtMount.current) measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (entry !== undefined) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, measurable]);
  return layout;
}
