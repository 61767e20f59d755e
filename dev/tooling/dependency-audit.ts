/**
 * What `npm audit --omit=dev --json` says about the app's runtime dependencies, as a verdict for CI: the
 * app fails the build on a high or critical advisory, and only warns when the registry cannot be asked
 * (mirrors that answer the audit endpoint with 405, no network), since nothing was learned either way.
 */
export type AuditVerdict =
  | { kind: 'clean'; counts: SeverityCounts }
  | { kind: 'vulnerable'; counts: SeverityCounts; packages: string[] }
  | { kind: 'unavailable'; reason: string };

export interface SeverityCounts {
  info: number;
  low: number;
  moderate: number;
  high: number;
  critical: number;
}

const BLOCKING: ReadonlySet<string> = new Set(['high', 'critical']);

interface AuditReport {
  vulnerabilities?: Record<string, { severity?: string }>;
  metadata?: { vulnerabilities?: Partial<SeverityCounts> };
  message?: string;
  statusCode?: number;
  error?: { code?: string; summary?: string };
}

export function auditVerdict(output: string): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(output) as AuditReport;
  } catch {
    return { kind: 'unavailable', reason: 'npm audit did not answer with a report' };
  }
  const counted = report.metadata?.vulnerabilities;
  if (!counted) {
    // npm fills these unevenly (empty strings included): the first one that says something.
    const reason = [report.message, report.error?.summary, report.error?.code, report.statusCode ? `status ${report.statusCode}` : ''].find(
      (text) => text,
    );
    return { kind: 'unavailable', reason: reason ?? 'no report' };
  }
  const counts: SeverityCounts = {
    info: counted.info ?? 0,
    low: counted.low ?? 0,
    moderate: counted.moderate ?? 0,
    high: counted.high ?? 0,
    critical: counted.critical ?? 0,
  };
  const packages = Object.entries(report.vulnerabilities ?? {})
    .filter(([, advisory]) => BLOCKING.has(advisory.severity ?? ''))
    .map(([name, advisory]) => `${name} (${advisory.severity})`)
    .sort();
  return counts.high + counts.critical > 0 ? { kind: 'vulnerable', counts, packages } : { kind: 'clean', counts };
}
