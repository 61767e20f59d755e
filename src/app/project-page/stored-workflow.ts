import { parseFlowConfig } from '../../domain/flow-config';
import { defaultWorkflow, type Workflow } from '../../domain/workflow';
import type { CompactStatus } from '../../domain/compact-history';

/** The saved workflow when the saved configuration is valid and has one; otherwise Jira's categories. */
export function workflowFor(document: unknown, statuses: readonly CompactStatus[]): Workflow {
  if (document !== null && document !== undefined) {
    try {
      const workflow = parseFlowConfig(document).workflow;
      if (workflow) return workflow;
    } catch {
      // An invalid saved configuration is the settings page's to report; the page falls back to defaults.
    }
  }
  return defaultWorkflow(statuses);
}
