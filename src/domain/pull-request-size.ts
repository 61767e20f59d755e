/**
 * How large pull requests are, in lines changed (added plus deleted) without generated files, in the size
 * classes review tools use: small changes are reviewed sooner and better.
 */
import type { PullRequestFacts } from './pull-request';

export interface SizeClass {
  label: 'XS' | 'S' | 'M' | 'L' | 'XL';
  /** Largest number of changed lines in this class; Infinity for the last. */
  upTo: number;
}

const SIZE_CLASSES: readonly SizeClass[] = Object.freeze([
  { label: 'XS', upTo: 10 },
  { label: 'S', upTo: 50 },
  { label: 'M', upTo: 250 },
  { label: 'L', upTo: 1000 },
  { label: 'XL', upTo: Infinity },
]);

const changedLines = (pull: PullRequestFacts) => pull.additions + pull.deletions;

export function sizeClassOf(lines: number): SizeClass {
  return SIZE_CLASSES.find((size) => lines <= size.upTo)!;
}

export interface SizeCount {
  size: SizeClass;
  count: number;
}

/** How many pull requests fall in each size class, every class listed. */
export function sizeDistribution(pulls: readonly PullRequestFacts[]): SizeCount[] {
  const counts = SIZE_CLASSES.map((size) => ({ size, count: 0 }));
  for (const pull of pulls) counts[SIZE_CLASSES.indexOf(sizeClassOf(changedLines(pull)))]!.count += 1;
  return counts;
}
