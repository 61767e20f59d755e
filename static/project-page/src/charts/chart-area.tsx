import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The width of the page's chart area, in whole CSS pixels: the width a full-width chart (any chart but a
 * compact one) is drawn across, since the tab panels fill the area. Null until the browser has laid the area
 * out, and where nothing can measure it (test environments that lay out nothing).
 */
const ChartAreaWidth = createContext<number | null>(null);

/**
 * The chart area: a box across the page that follows its own width with a `ResizeObserver`, which reports
 * after the browser's own layout, so knowing the width never makes the browser lay the page out early.
 *
 * Why it matters: a chart must know its width to be drawn. Measured by the chart itself when it mounts
 * (`getBoundingClientRect`), the browser has to lay out the whole tab the chart arrived with at that moment,
 * inside the task that renders the tab; on the Aging tab of a 20,000-item project that forced layout was
 * half of a 300 ms task. Told the width by the area, which outlives the tabs, the chart is drawn in the same
 * commit that adds it, and the browser lays the tab out once, in its own rendering step.
 */
export function ChartArea({ children }: { children: ReactNode }) {
  const area = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = area.current;
    if (typeof ResizeObserver === 'undefined' || element === null) return undefined;
    const observer = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (entry !== undefined) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={area} className="fm-chart-area">
      <ChartAreaWidth.Provider value={width}>{children}</ChartAreaWidth.Provider>
    </div>
  );
}

/** The chart area's width, or null when it is not known (see `ChartArea`). */
export function useChartAreaWidth(): number | null {
  return useContext(ChartAreaWidth);
}
