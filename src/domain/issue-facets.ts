/**
 * Issue facets: what a team files its work under, which readers filter the charts by. Per issue: its
 * resolution, its labels, its components and its parent (an epic, or the story of a sub-task) by key.
 *
 * Names a team chose for its own work, not personal data: no summaries, no people. Columnar like the rest of
 * the compact history: resolutions, labels and components index small dictionaries; an issue's labels and
 * components are runs of shared arrays, found through an offset array (issue i owns `labelOf[labelOffset[i]
 * .. labelOffset[i + 1] - 1]`).
 *
 * A history read from storage written before facets were kept has none (`CompactHistory.facets` absent):
 * "not known", which is not the same as "no labels", so such a history offers no facet filters at all.
 */

/** One issue's facets, as sources give them and as a detail view shows them. */
export interface IssueFacetValues {
  /** The resolution's name, or null while unresolved. */
  resolution: string | null;
  labels: readonly string[];
  components: readonly string[];
  /** The parent issue's key, or null. */
  parent: string | null;
}

export interface IssueFacets {
  readonly resolutions: readonly string[];
  /** Index into `resolutions`, or -1 while unresolved. */
  readonly resolution: readonly number[];
  readonly labels: readonly string[];
  /** Length issues + 1. */
  readonly labelOffset: readonly number[];
  /** Index into `labels`. */
  readonly labelOf: readonly number[];
  readonly components: readonly string[];
  /** Length issues + 1. */
  readonly componentOffset: readonly number[];
  /** Index into `components`. */
  readonly componentOf: readonly number[];
  /** The parent's key, or null. */
  readonly parent: readonly (string | null)[];
}

/** No resolution: the issue is not resolved. */
const UNRESOLVED = -1;

/** Writes facets one issue after another, unifying the names into dictionaries. */
export class IssueFacetsBuilder {
  private readonly dictionaries = { resolutions: new Dictionary(), labels: new Dictionary(), components: new Dictionary() };
  private readonly resolution: number[] = [];
  private readonly labelOffset = [0];
  private readonly labelOf: number[] = [];
  private readonly componentOffset = [0];
  private readonly componentOf: number[] = [];
  private readonly parent: (string | null)[] = [];

  add(values: IssueFacetValues): void {
    const { resolutions, labels, components } = this.dictionaries;
    this.resolution.push(values.resolution === null ? UNRESOLVED : resolutions.index(values.resolution));
    for (const label of distinct(values.labels)) this.labelOf.push(labels.index(label));
    this.labelOffset.push(this.labelOf.length);
    for (const component of distinct(values.components)) this.componentOf.push(components.index(component));
    this.componentOffset.push(this.componentOf.length);
    this.parent.push(values.parent);
  }

  build(): IssueFacets {
    return {
      resolutions: this.dictionaries.resolutions.names(),
      resolution: [...this.resolution],
      labels: this.dictionaries.labels.names(),
      labelOffset: [...this.labelOffset],
      labelOf: [...this.labelOf],
      components: this.dictionaries.components.names(),
      componentOffset: [...this.componentOffset],
      componentOf: [...this.componentOf],
      parent: [...this.parent],
    };
  }
}

/** One issue's facets as names. */
export function facetValuesAt(facets: IssueFacets, issue: number): IssueFacetValues {
  const resolution = facets.resolution[issue]!;
  return {
    resolution: resolution === UNRESOLVED ? null : facets.resolutions[resolution]!,
    labels: run(facets.labelOffset, facets.labelOf, issue).map((label) => facets.labels[label]!),
    components: run(facets.componentOffset, facets.componentOf, issue).map((component) => facets.components[component]!),
    parent: facets.parent[issue]!,
  };
}

/** The facets of the chosen issues, in their order, with the same dictionaries (indices stay valid). */
export function pickFacets(facets: IssueFacets, selected: readonly number[]): IssueFacets {
  const runs = (offsets: readonly number[], values: readonly number[]) => {
    const nextOffsets = [0];
    const nextValues: number[] = [];
    for (const issue of selected) {
      for (let j = offsets[issue]!; j < offsets[issue + 1]!; j++) nextValues.push(values[j]!);
      nextOffsets.push(nextValues.length);
    }
    return { offsets: nextOffsets, values: nextValues };
  };
  const labels = runs(facets.labelOffset, facets.labelOf);
  const components = runs(facets.componentOffset, facets.componentOf);
  return {
    resolutions: facets.resolutions,
    resolution: selected.map((issue) => facets.resolution[issue]!),
    labels: facets.labels,
    labelOffset: labels.offsets,
    labelOf: labels.values,
    components: facets.components,
    componentOffset: components.offsets,
    componentOf: components.values,
    parent: selected.map((issue) => facets.parent[issue]!),
  };
}

/** Structural problems of facets read back from storage, for `issues` issues: empty when well formed. */
export function checkIssueFacets(facets: IssueFacets, issues: number): string[] {
  const problems: string[] = [];
  if (facets.resolution.length !== issues || facets.parent.length !== issues) problems.push('facet columns do not match the issues');
  if (facets.resolution.some((r) => !(r === UNRESOLVED || (r >= 0 && r < facets.resolutions.length)))) {
    problems.push('a resolution index is outside the resolution dictionary');
  }
  const checkRuns = (name: string, offsets: readonly number[], values: readonly number[], dictionary: readonly string[]) => {
    if (offsets.length !== issues + 1 || offsets[0] !== 0 || offsets[issues] !== values.length)
      problems.push(`${name} offsets do not match their column`);
    if (values.some((v) => !(v >= 0 && v < dictionary.length))) problems.push(`a ${name} index is outside its dictionary`);
  };
  checkRuns('label', facets.labelOffset, facets.labelOf, facets.labels);
  checkRuns('component', facets.componentOffset, facets.componentOf, facets.components);
  return problems;
}

function run(offsets: readonly number[], values: readonly number[], issue: number): number[] {
  return values.slice(offsets[issue], offsets[issue + 1]);
}

function distinct(names: readonly string[]): readonly string[] {
  // Most issues have no label or component, or one: nothing to remove, and no set to make (once per issue read).
  return names.length < 2 ? names : [...new Set(names)];
}

/** Names in the order first seen. */
class Dictionary {
  private readonly byName = new Map<string, number>();

  index(name: string): number {
    let index = this.byName.get(name);
    if (index === undefined) {
      index = this.byName.size;
      this.byName.set(name, index);
    }
    return index;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

/**
 * A choice of facet values to keep, per facet; an empty list keeps every issue. `NO_FACET_VALUE` stands for
 * "none" (unresolved, no label, no component, no parent). Within a facet an issue matches any value chosen
 * (an issue with labels a and b matches a choice of b); across facets it must match each.
 */
export interface FacetChoice {
  resolutions?: readonly string[];
  labels?: readonly string[];
  components?: readonly string[];
  parents?: readonly string[];
}

/** "None" among a facet's values: no resolution, no label, no component, no parent. */
export const NO_FACET_VALUE = '';

/** Whether a choice keeps every issue. */
export function choosesAll(choice: FacetChoice): boolean {
  return !choice.resolutions?.length && !choice.labels?.length && !choice.components?.length && !choice.parents?.length;
}

/** A test of whether issue `i` matches `choice`. */
export function facetMatcher(facets: IssueFacets, choice: FacetChoice): (issue: number) => boolean {
  const indices = (dictionary: readonly string[], chosen: readonly string[] | undefined) => {
    if (!chosen?.length) return null;
    const wanted = new Set(chosen);
    return { none: wanted.has(NO_FACET_VALUE), values: new Set(dictionary.flatMap((name, index) => (wanted.has(name) ? [index] : []))) };
  };
  const resolutions = indices(facets.resolutions, choice.resolutions);
  const labels = indices(facets.labels, choice.labels);
  const components = indices(facets.components, choice.components);
  const parents = choice.parents?.length ? new Set(choice.parents) : null;
  const anyOf = (wanted: { none: boolean; values: Set<number> }, offsets: readonly number[], values: readonly number[], issue: number) => {
    const [from, to] = [offsets[issue]!, offsets[issue + 1]!];
    if (from === to) return wanted.none;
    for (let j = from; j < to; j++) if (wanted.values.has(values[j]!)) return true;
    return false;
  };
  return (issue) => {
    if (resolutions) {
      const resolution = facets.resolution[issue]!;
      if (!(resolution === UNRESOLVED ? resolutions.none : resolutions.values.has(resolution))) return false;
    }
    if (labels && !anyOf(labels, facets.labelOffset, facets.labelOf, issue)) return false;
    if (components && !anyOf(components, facets.componentOffset, facets.componentOf, issue)) return false;
    if (parents && !parents.has(facets.parent[issue] ?? NO_FACET_VALUE)) return false;
    return true;
  };
}

/** Each value of a facet with the number of issues that have it, most used first; "none" last when any issue has none. */
export function facetValueCounts(
  facets: IssueFacets,
  facet: 'resolutions' | 'labels' | 'components' | 'parents',
): Array<{ value: string; issues: number }> {
  const counts = new Map<string, number>();
  const count = (value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
  const issues = facets.resolution.length;
  for (let i = 0; i < issues; i++) {
    if (facet === 'resolutions') count(facets.resolution[i] === UNRESOLVED ? NO_FACET_VALUE : facets.resolutions[facets.resolution[i]!]!);
    else if (facet === 'parents') count(facets.parent[i] ?? NO_FACET_VALUE);
    else {
      const [offsets, values, names] =
        facet === 'labels'
          ? [facets.labelOffset, facets.labelOf, facets.labels]
          : [facets.componentOffset, facets.componentOf, facets.components];
      if (offsets[i] === offsets[i + 1]) count(NO_FACET_VALUE);
      for (let j = offsets[i]!; j < offsets[i + 1]!; j++) count(names[values[j]!]!);
    }
  }
  const none = counts.get(NO_FACET_VALUE);
  counts.delete(NO_FACET_VALUE);
  const sorted = Array.from(counts, ([value, n]) => ({ value, issues: n })).sort(
    (a, b) => b.issues - a.issues || a.value.localeCompare(b.value),
  );
  return none === undefined ? sorted : [...sorted, { value: NO_FACET_VALUE, issues: none }];
}
