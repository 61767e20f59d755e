import {
  AT_RISK_PERCENTILE,
  CONVENTION_CATALOG,
  WEEKDAY_NAMES,
  type CompactStatus,
  type FlowConfig,
  type FlowConventions,
  type Workflow,
} from '../../../src/domain';

/** One convention as the page explains it: what it is about, and how this project's numbers follow it. */
export interface ConventionInUse {
  topic: string;
  text: string;
}

/** The catalogue's explanation of the value a convention has here. */
function meaningOf(name: keyof FlowConventions, value: string): string {
  const entry = CONVENTION_CATALOG.find((description) => description.name === name);
  return entry?.choices.find((choice) => choice.value === value)?.meaning ?? value;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A stage's statuses by name: the workflow may list a status by its id, which means nothing to a reader. */
function statusNames(entries: readonly string[], statuses: readonly CompactStatus[]): string {
  if (entries.length === 0) return 'no statuses';
  return entries
    .map((entry) => {
      const match = entry.trim().toLowerCase();
      return statuses.find((status) => status.id?.toLowerCase() === match || status.name.toLowerCase() === match)?.name ?? entry;
    })
    .join(', ');
}

function daysThatCount(conventions: FlowConventions): string {
  const { workingDays, holidays } = conventions.businessCalendar;
  if (workingDays.length === WEEKDAY_NAMES.length && holidays.length === 0) return 'Every calendar day counts, weekends included.';
  const days = WEEKDAY_NAMES.filter((day) => workingDays.includes(day))
    .map(capitalised)
    .join(', ');
  const skipped = holidays.length === 0 ? '' : ` ${holidays.length} holiday${holidays.length === 1 ? ' is' : 's are'} skipped too.`;
  return `Business days only: ${days}.${skipped}`;
}

/**
 * The conventions behind this project's numbers, in plain language: when an item starts and finishes, which
 * statuses make up each stage, which days count, how percentiles are read and what "at risk" means.
 */
export function conventionsInUse(config: FlowConfig, workflow: Workflow, statuses: readonly CompactStatus[]): ConventionInUse[] {
  const c = config.conventions;
  return [
    {
      topic: 'When an item starts',
      text: `When it enters ${workflow.startStage} or any later stage. ${meaningOf('stageEntry', c.stageEntry)}`,
    },
    {
      topic: 'When an item is finished',
      text: `When it enters ${workflow.doneStage} or any later stage. ${meaningOf('reopened', c.reopened)}`,
    },
    ...workflow.stages.map((stage) => ({
      topic: `Stage ${stage.name}${stage.name === workflow.startStage ? ' (start)' : stage.name === workflow.doneStage ? ' (done)' : ''}`,
      text: `${capitalised(statusNames(stage.statuses, statuses))}.`,
    })),
    { topic: 'Moves back', text: meaningOf('backwardMoves', c.backwardMoves) },
    { topic: 'Days', text: `${meaningOf('unit', c.unit)} ${daysThatCount(c)}` },
    {
      topic: 'Percentiles',
      text: `${meaningOf('percentileMethod', c.percentileMethod)} Shown: ${c.percentiles.join(', ')}.`,
    },
    {
      topic: 'At risk',
      text: `An item in progress for longer than the ${AT_RISK_PERCENTILE}th percentile of the cycle times of items finished in the selected period: it has already taken longer than most finished work.`,
    },
    { topic: 'Dates', text: `Days begin at midnight in ${c.timeZone}; weeks end on ${capitalised(c.weekEndsOn)}.` },
  ];
}
