/**
 * Components: the parts of its product a project files issues under (Jira's `components` field). A demo project
 * that uses them lists each with its share of the issues; an issue's components are chosen by its seed
 * (`store.summarySeed`), as its labels are, so they draw no random numbers and the rest of the demo data is the
 * same with or without them.
 */
export interface ProjectComponent {
  id: string;
  name: string;
  description: string;
  /** Percent of the project's issues filed under it (the shares add up to at most 100; the rest have none). */
  share: number;
}

/** One issue in this many that has a component is filed under a second one as well. */
const SECOND_COMPONENT_EVERY = 10;

/** The components, by the project's shares: most have one, a few two, some none. */
export function componentsOf(components: readonly ProjectComponent[] | undefined, seed: number): ProjectComponent[] {
  if (components === undefined || components.length === 0) return [];
  // Bits the labels do not read (`labelsOf` uses the seed's residues and bits 8 to 15).
  const s = seed >>> 0;
  let pick = (s >>> 16) % 100;
  const first = components.find((component) => (pick -= component.share) < 0);
  if (first === undefined) return [];
  const second = (s >>> 23) % SECOND_COMPONENT_EVERY === 0 ? components[(s >>> 27) % components.length] : undefined;
  return second === undefined || second === first ? [first] : [first, second].sort((a, b) => a.name.localeCompare(b.name));
}

/** A component as an issue's `components` field and a project's `components` show it (Jira's ComponentJson). */
export function componentJson(siteUrl: string, component: ProjectComponent): Record<string, unknown> {
  return {
    self: `${siteUrl}/rest/api/3/component/${component.id}`,
    id: component.id,
    name: component.name,
    description: component.description,
  };
}
