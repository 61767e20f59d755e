/** The periods the filters offer besides custom dates: the configured one, then the last so many days. */
export const RANGE_PRESETS: ReadonlyArray<{ label: string; days: number | null }> = [
  { label: 'Configured period', days: null },
  { label: 'Last 30 days', days: 30 },
  { label: 'Last 90 days', days: 90 },
  { label: 'Last 180 days', days: 180 },
  { label: 'Last 365 days', days: 365 },
];
