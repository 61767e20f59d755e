import {
  DEFAULT_CONVENTIONS,
  DEFAULT_EXCLUDED_ISSUE_TYPES,
  defaultWorkflow,
  FlowConfigError,
  parseFlowConfig,
  type FlowConventions,
  type Workflow,
} from '../../domain';
import type { FlowConfigStore, MeasuredProjects, ProjectDirectory, ProjectStatuses, SyncStateStore } from '../../ports';
import type {
  ConventionSettings,
  ProjectStatus,
  ProjectWorkflowData,
  SaveProjectWorkflowPayload,
  WorkflowSettings,
} from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';
import { NEVER_SYNCED, syncStateForPage } from '../sync/sync-state';

/**
 * A project's workflow and conventions, as the settings page edits them.
 *
 * What is stored is the flow configuration document the engine and the `flow-metrics` command read
 * (src/domain/flow-config.ts), so it is validated by the engine's own parser before it is saved. Until an admin
 * saves one, the project uses the engine's defaults: stages from Jira's status categories, default conventions.
 */
export interface ProjectWorkflowPorts extends AuditTrailPorts {
  /** As the app: the statuses and project details every measured project needs. */
  projects: ProjectDirectory;
  statuses: ProjectStatuses;
  flowConfigs: FlowConfigStore;
  measured: MeasuredProjects;
  // Read only: the sync pipeline writes sync states.
  syncStates: Pick<SyncStateStore, 'read'>;
}

function conventionSettings(conventions: FlowConventions): ConventionSettings {
  return {
    stageEntry: conventions.stageEntry,
    backwardMoves: conventions.backwardMoves,
    unit: conventions.unit,
    percentileMethod: conventions.percentileMethod,
    serviceLevelPercentile: conventions.serviceLevelPercentile,
    weekEndsOn: conventions.weekEndsOn,
    workingDays: [...conventions.businessCalendar.workingDays],
    timeZone: conventions.timeZone,
  };
}

/** Stage entries may be status ids or names (documents written by hand); the settings page works in ids. */
function workflowSettings(workflow: Workflow, statuses: readonly ProjectStatus[]): WorkflowSettings {
  const idOf = (entry: string) =>
    statuses.find((status) => status.id === entry || status.name.toLowerCase() === entry.trim().toLowerCase())?.id;
  const startIndex = workflow.stages.findIndex((stage) => stage.name === workflow.startStage);
  const doneIndex = workflow.stages.findIndex((stage) => stage.name === workflow.doneStage);
  return {
    stages: workflow.stages.map((stage, index) => ({
      name: stage.name,
      statusIds: [...new Set(stage.statuses.map(idOf).filter((id): id is string => id !== undefined))],
      // Only stages between start and done can be active work; they are unless marked otherwise.
      active: index >= startIndex && index < doneIndex && stage.active !== false,
    })),
    startStage: workflow.startStage,
    doneStage: workflow.doneStage,
    ...(workflow.discardedStatuses?.length
      ? { discardedStatusIds: [...new Set(workflow.discardedStatuses.map(idOf).filter((id): id is string => id !== undefined))] }
      : {}),
    ...(workflow.discardedResolutions?.length ? { discardedResolutions: [...workflow.discardedResolutions] } : {}),
  };
}

/** The saved list of issue types left out, when it is not the defaults (absent means the defaults). */
function excludedIssueTypes(config: ReturnType<typeof parseFlowConfig> | null): { excludedIssueTypes?: string[] } {
  const list = config?.excludedIssueTypes ?? DEFAULT_EXCLUDED_ISSUE_TYPES;
  return JSON.stringify(list) === JSON.stringify(DEFAULT_EXCLUDED_ISSUE_TYPES) ? {} : { excludedIssueTypes: [...list] };
}

function readDocument(stored: unknown): ReturnType<typeof parseFlowConfig> | null {
  if (stored === null) return null;
  try {
    return parseFlowConfig(stored);
  } catch {
    // A document the current engine cannot read is shown as the defaults; saving replaces it.
    return null;
  }
}

async function projectAndStatuses(ports: ProjectWorkflowPorts, projectKey: string) {
  const [project, statuses] = await Promise.all([ports.projects.findProject(projectKey), ports.statuses.list(projectKey)]);
  if (!project || !statuses) throw new AppError('NOT_FOUND', `Project ${projectKey} was not found.`);
  return { project, statuses };
}

async function describe(
  ports: ProjectWorkflowPorts,
  projectKey: string,
  loaded?: Awaited<ReturnType<typeof projectAndStatuses>>,
): Promise<ProjectWorkflowData> {
  const { project, statuses } = loaded ?? (await projectAndStatuses(ports, projectKey));
  const [stored, measuredKeys, sync] = await Promise.all([
    ports.flowConfigs.read(projectKey),
    ports.measured.list(),
    ports.syncStates.read(projectKey),
  ]);
  const config = readDocument(stored);
  const workflow = config?.workflow ?? defaultWorkflow(statuses);
  return {
    project,
    measured: measuredKeys.includes(projectKey),
    statuses,
    workflow: workflowSettings(workflow, statuses),
    conventions: conventionSettings(config?.conventions ?? DEFAULT_CONVENTIONS),
    ...excludedIssueTypes(config),
    customised: config !== null,
    sync: syncStateForPage(sync ?? NEVER_SYNCED),
  };
}

export function getProjectWorkflow(ports: ProjectWorkflowPorts, projectKey: string): Promise<ProjectWorkflowData> {
  return describe(ports, projectKey);
}

/** Every status of the project must sit in exactly one stage: an unmapped status would stop the metrics. */
function mappingProblems(settings: WorkflowSettings, statuses: readonly ProjectStatus[]): string[] {
  const known = new Map(statuses.map((status) => [status.id, status]));
  const placed = new Map<string, string>();
  const problems: string[] = [];
  for (const stage of settings.stages) {
    for (const id of stage.statusIds) {
      if (!known.has(id)) problems.push(`status ${id} is not a status of this project`);
      const other = placed.get(id);
      if (other !== undefined && other !== stage.name)
        problems.push(`status "${known.get(id)?.name ?? id}" is in both "${other}" and "${stage.name}"`);
      placed.set(id, stage.name);
    }
  }
  for (const status of statuses) if (!placed.has(status.id)) problems.push(`status "${status.name}" is not in any stage`);
  return problems;
}

export async function saveProjectWorkflow(
  ports: ProjectWorkflowPorts,
  actor: Actor,
  change: SaveProjectWorkflowPayload,
): Promise<ProjectWorkflowData> {
  const loaded = await projectAndStatuses(ports, change.projectKey);
  const problems = mappingProblems(change.workflow, loaded.statuses);
  if (problems.length > 0) throw new AppError('INVALID_INPUT', `The workflow cannot be saved: ${problems.slice(0, 5).join('; ')}.`);

  const previous = readDocument(await ports.flowConfigs.read(change.projectKey));
  const { conventions } = change;
  const document = {
    stages: change.workflow.stages.map((stage) => ({ name: stage.name, statuses: stage.statusIds, active: stage.active })),
    startStage: change.workflow.startStage,
    doneStage: change.workflow.doneStage,
    ...(change.workflow.discardedStatusIds?.length ? { discardedStatuses: change.workflow.discardedStatusIds } : {}),
    ...(change.workflow.discardedResolutions?.length ? { discardedResolutions: change.workflow.discardedResolutions } : {}),
    ...(change.excludedIssueTypes !== undefined ? { excludedIssueTypes: change.excludedIssueTypes } : {}),
    conventions: {
      stageEntry: conventions.stageEntry,
      backwardMoves: conventions.backwardMoves,
      unit: conventions.unit,
      percentileMethod: conventions.percentileMethod,
      serviceLevelPercentile: conventions.serviceLevelPercentile,
      weekEndsOn: conventions.weekEndsOn,
      timeZone: conventions.timeZone,
      // Holidays are not edited on this page; any set through a configuration document are kept.
      businessCalendar: { workingDays: conventions.workingDays, holidays: [...(previous?.conventions.businessCalendar.holidays ?? [])] },
    },
  };
  try {
    parseFlowConfig(document);
  } catch (error) {
    if (error instanceof FlowConfigError) throw new AppError('INVALID_INPUT', `The workflow cannot be saved: ${error.message}.`);
    throw error;
  }
  await ports.flowConfigs.write(change.projectKey, document);
  await recordAudit(ports, actor, 'workflow.changed', change.projectKey, {
    stages: change.workflow.stages.map((stage) => stage.name).join(' → '),
    startStage: change.workflow.startStage,
    doneStage: change.workflow.doneStage,
  });
  return describe(ports, change.projectKey, loaded);
}

/** Back to the defaults: the stored document goes, and the project follows Jira's status categories again. */
export async function resetProjectWorkflow(ports: ProjectWorkflowPorts, actor: Actor, projectKey: string): Promise<ProjectWorkflowData> {
  const loaded = await projectAndStatuses(ports, projectKey);
  if ((await ports.flowConfigs.read(projectKey)) !== null) {
    await ports.flowConfigs.remove(projectKey);
    await recordAudit(ports, actor, 'workflow.reset', projectKey);
  }
  return describe(ports, projectKey, loaded);
}
