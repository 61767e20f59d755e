import { GENERATED_PATH_LIMITS, LOCKFILE_NAMES } from '../../domain';
import type { StoredDocument } from '../../ports';
import type { GeneratedPathsData, SetGeneratedPathsPayload } from '../../shared/resolver-contract';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';

/**
 * The admin's own list of generated files (gitattributes patterns), left out of pull-request sizes beside the
 * lockfiles and each repository's `linguist-generated` paths (src/domain/generated-files.ts decides which paths
 * match and which patterns are valid). The sync and the webhook read the stored list each time they read pull
 * requests, so a change counts for every pull request read from then on.
 */
export interface GeneratedPathsRecord {
  patterns: string[];
}

export interface GeneratedPathsPorts extends AuditTrailPorts {
  generatedPaths: StoredDocument<GeneratedPathsRecord>;
}

export async function getGeneratedPaths(ports: Pick<GeneratedPathsPorts, 'generatedPaths'>): Promise<GeneratedPathsData> {
  const stored = await ports.generatedPaths.read();
  return { patterns: stored?.patterns ?? [], lockfiles: [...LOCKFILE_NAMES], limits: { ...GENERATED_PATH_LIMITS } };
}

/** Saves the list as given (trimmed, already validated by the resolver's schema); an unchanged list changes nothing. */
export async function setGeneratedPaths(
  ports: GeneratedPathsPorts,
  actor: Actor,
  change: SetGeneratedPathsPayload,
): Promise<GeneratedPathsData> {
  const patterns = change.patterns.map((pattern) => pattern.trim());
  const previous = (await ports.generatedPaths.read())?.patterns ?? [];
  if (previous.length !== patterns.length || previous.some((pattern, index) => pattern !== patterns[index])) {
    if (patterns.length === 0) await ports.generatedPaths.remove();
    else await ports.generatedPaths.write({ patterns });
    await recordAudit(ports, actor, 'github.generated-paths-changed', null, { patterns: patterns.length, previously: previous.length });
  }
  return getGeneratedPaths(ports);
}
