import { type CompactStatus, defaultWorkflow, parseFlowConfig, type Workflow } from '../../domain';

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
