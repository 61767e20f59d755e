import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';

/**
 * An axe-core audit of one document in Chromium. The app's frames run under Forge's CSP (`script-src 'self'`),
 * which would refuse an added <script> tag; axe's source is instead evaluated through the DevTools protocol
 * (`frame.evaluate`), which the page's CSP does not govern, so the page under audit runs exactly as deployed.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts the project does not ship with. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface AccessibilityViolation {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements, with axe's summary of what is wrong with each. */
  elements: Array<{ target: string; summary: string }>;
}

/** The parts of axe-core's report on one rule that the audit keeps. */
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Serious and critical violations in the frame's document, as axe-core reports them. */
export async function seriousAccessibilityViolations(frame: Frame): Promise<AccessibilityViolation[]> {
  const loaded = await frame.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: String(violation.id),
      impact: String(violation.impact ?? 'unknown'),
      help: String(violation.help),
      elements: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: String(node.failureSummary ?? '') })),
    }));
  });
  return violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact));
}

/** One line per offending element, for a failure message that says exactly what to fix. */
export function describeViolations(violations: readonly AccessibilityViolation[]): string {
  return violations
    .flatMap((violation) =>
      violation.elements.map(
        (element) =>
          `${violation.impact} ${violation.rule} (${violation.help}): ${element.target}\n    ${element.summary.replace(/\n/g, ' ')}`,
      ),
    )
    .join('\n');
}
