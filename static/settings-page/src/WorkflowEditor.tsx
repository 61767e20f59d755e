import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { ErrorMessage, Fieldset, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useEffect, useRef, useState } from 'react';
import { CONVENTION_CATALOG, WEEKDAY_NAMES } from '../../../src/domain';
import type { ConventionSettings, ProjectStatus, ProjectWorkflowData } from '../../../src/shared/resolver-contract';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useResolver } from '../../common/use-resolver';
import { ActionError } from './ActionError';
import { BoardStagesOffer } from './BoardStagesOffer';
import { useSettingsAction } from './use-settings-action';
import {
  addStage,
  canBeActive,
  conventionProblems,
  draftDiffersFrom,
  isFinishedStatus,
  draftFrom,
  draftProblems,
  draftWithStages,
  moveStage,
  payloadOf,
  removeStage,
  type WorkflowDraft,
} from './workflow-draft';
import './settings-form.css';

const CATEGORY_LOZENGES: Record<NonNullable<ProjectStatus['category']>, { label: string; appearance: ThemeAppearance }> = {
  new: { label: 'To do', appearance: 'default' },
  indeterminate: { label: 'In progress', appearance: 'inprogress' },
  done: { label: 'Done', appearance: 'success' },
};

/** The conventions chosen from fixed lists, described by the engine's own catalogue. */
const LISTED_CONVENTIONS = ['stageEntry', 'backwardMoves', 'unit', 'percentileMethod'] as const;

const capitalised = (day: string) => day.charAt(0).toUpperCase() + day.slice(1);

/** A convention's stored value in words: "days-inclusive" reads "Days inclusive". */
const choiceLabel = (value: string) => capitalised(value.replaceAll('-', ' '));

function ConventionsEditor({ conventions, onChange }: { conventions: ConventionSettings; onChange: (next: ConventionSettings) => void }) {
  const set = <K extends keyof ConventionSettings>(name: K, value: ConventionSettings[K]) => onChange({ ...conventions, [name]: value });
  const problems = conventionProblems(conventions);
  // Each problem beside its field, named by the field's description so a screen reader reads it with the field.
  const problemAt = (field: keyof typeof problems) =>
    problems[field] === undefined ? null : (
      <ErrorMessage testId={`convention-${field}-problem`}>
        <span id={`convention-${field}-problem`}>{problems[field]}</span>
      </ErrorMessage>
    );
  const describedBy = (field: keyof typeof problems) => (problems[field] === undefined ? undefined : `convention-${field}-problem`);
  return (
    <Stack space="space.150" testId="conventions">
      {LISTED_CONVENTIONS.map((name) => {
        const description = CONVENTION_CATALOG.find((entry) => entry.name === name)!;
        const chosen = description.choices.find((choice) => choice.value === conventions[name]);
        return (
          <div className="settings-field" key={name}>
            <Label htmlFor={`convention-${name}`}>{description.title}</Label>
            <select
              id={`convention-${name}`}
              className="settings-select"
              value={conventions[name]}
              onChange={(event) => set(name, event.target.value as never)}
            >
              {description.choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choiceLabel(choice.value)}
                  {choice.value === description.default ? ' (default)' : ''}
                </option>
              ))}
            </select>
            {chosen && <HelperMessage>{chosen.meaning}</HelperMessage>}
          </div>
        );
      })}
      <div className="settings-field">
        <Label htmlFor="convention-serviceLevelPercentile">Service-level expectation (percentile of cycle time)</Label>
        <Textfield
          id="convention-serviceLevelPercentile"
          type="number"
          min={1}
          max={99}
          width="xsmall"
          // An empty field is no percentile, not 0: it is shown empty and said to be missing.
          value={Number.isNaN(conventions.serviceLevelPercentile) ? '' : conventions.serviceLevelPercentile}
          isInvalid={problems.serviceLevelPercentile !== undefined}
          aria-describedby={describedBy('serviceLevelPercentile')}
          onChange={(event) => {
            const typed = event.currentTarget.value.trim();
            set('serviceLevelPercentile', typed === '' ? NaN : Number(typed));
          }}
        />
        {problemAt('serviceLevelPercentile')}
      </div>
      <Fieldset legend="Working days">
        <div className="settings-checkbox-row">
          {WEEKDAY_NAMES.map((day) => (
            <Checkbox
              key={day}
              label={capitalised(day)}
              isChecked={conventions.workingDays.includes(day)}
              onChange={(event) =>
                set(
                  'workingDays',
                  event.target.checked
                    ? WEEKDAY_NAMES.filter((d) => d === day || conventions.workingDays.includes(d))
                    : conventions.workingDays.filter((d) => d !== day),
                )
              }
            />
          ))}
        </div>
        {problemAt('workingDays')}
      </Fieldset>
      <div className="settings-field">
        <Label htmlFor="convention-weekEndsOn">Last day of the week</Label>
        <select
          id="convention-weekEndsOn"
          className="settings-select"
          value={conventions.weekEndsOn}
          onChange={(event) => set('weekEndsOn', event.target.value as ConventionSettings['weekEndsOn'])}
        >
          {WEEKDAY_NAMES.map((day) => (
            <option key={day} value={day}>
              {capitalised(day)}
            </option>
          ))}
        </select>
      </div>
      <div className="settings-field">
        <Label htmlFor="convention-timeZone">Time zone of dates</Label>
        <Textfield
          id="convention-timeZone"
          spellCheck={false}
          value={conventions.timeZone}
          isInvalid={problems.timeZone !== undefined}
          aria-describedby={describedBy('timeZone')}
          onChange={(event) => set('timeZone', event.currentTarget.value)}
        />
        {problemAt('timeZone') ?? <HelperMessage>An IANA name such as Europe/Berlin; days start at midnight there.</HelperMessage>}
      </div>
    </Stack>
  );
}

/**
 * A choice of one of the draft's stages, or none (`noStage` names that choice). A native select: Atlaskit's
 * select injects styles at runtime, which Forge's content security policy blocks.
 */
function StageSelect({
  id,
  label,
  stages,
  stageId,
  noStage,
  onChange,
}: {
  id?: string;
  label?: string;
  stages: readonly { id: number; name: string }[];
  stageId: number | null;
  noStage: string;
  onChange: (stageId: number | null) => void;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      className="settings-select"
      value={stageId ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
    >
      <option value="">{noStage}</option>
      {stages.map((stage) => (
        <option key={stage.id} value={stage.id}>
          {stage.name}
        </option>
      ))}
    </select>
  );
}

/**
 * One project's workflow: its statuses grouped into ordered stages, the start and done stages, which stages
 * are active work, and the conventions its numbers follow. Prefilled from Jira's status categories and the
 * engine's defaults until an admin saves their own.
 */
export function WorkflowEditor({ projectKey, onClose }: { projectKey: string; onClose: () => void }) {
  const { state, reload } = useResolver('getProjectWorkflow', { projectKey });
  const action = useSettingsAction();
  const [data, setData] = useState<ProjectWorkflowData | null>(null);
  const [draft, setDraft] = useState<WorkflowDraft | null>(null);
  const [saved, setSaved] = useState(false);
  // The board whose columns the stages were last taken from, until the next save: the admin reads where they came from.
  const [fromBoard, setFromBoard] = useState<string | null>(null);
  // The editor opens below the projects table, out of sight on a long list: it is brought into view and takes the
  // focus once it has loaded, so the "Workflow" button visibly does something, for the mouse and the keyboard alike.
  const top = useRef<HTMLDivElement>(null);
  const loaded = data !== null;
  useEffect(() => {
    if (!loaded || !top.current) return;
    top.current.scrollIntoView?.({ block: 'start' });
    top.current.focus({ preventScroll: true });
  }, [loaded]);

  useEffect(() => {
    if (state.status === 'ready') {
      setData(state.data);
      setDraft(draftFrom(state.data));
    }
  }, [state]);

  if (state.status === 'loading' || (state.status === 'ready' && (data === null || draft === null))) {
    return <LoadingState label={`Loading the workflow of ${projectKey}`} />;
  }
  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />;
  }
  if (data === null || draft === null) return null;

  const statusNames = Object.fromEntries(data.statuses.map((status) => [status.id, status.name]));
  const problems = draftProblems(draft, statusNames);
  const changed = draftDiffersFrom(draft, data);
  const edit = (next: WorkflowDraft) => {
    setSaved(false);
    setDraft(next);
  };
  const apply = (answer: ProjectWorkflowData) => {
    setFromBoard(null);
    setData(answer);
    setDraft(draftFrom(answer));
    setSaved(true);
  };
  const save = async () => {
    const result = await action.run('saveProjectWorkflow', { ...payloadOf(projectKey, draft) });
    if (result.ok) apply(result.data);
  };
  const reset = async () => {
    const result = await action.run('resetProjectWorkflow', { projectKey });
    if (result.ok) apply(result.data);
  };

  return (
    <div ref={top} tabIndex={-1} role="region" aria-label={`Workflow of ${data.project.key}`} className="settings-editor">
      <Box testId="workflow-editor" padding="space.200" backgroundColor="elevation.surface.sunken">
        <Stack space="space.250">
          <Inline spread="space-between" alignBlock="center">
            <Heading size="small" as="h3">
              Workflow of {data.project.name} ({data.project.key})
            </Heading>
            <Lozenge appearance={data.customised ? 'new' : 'default'}>{data.customised ? 'Customised' : 'Defaults'}</Lozenge>
          </Inline>
          <Stack space="space.100" testId="stages">
            <Heading size="xsmall" as="h4">
              Stages, in order
            </Heading>
            <BoardStagesOffer
              projectKey={data.project.key}
              statuses={data.statuses}
              onUse={(workflow, boardName) => {
                edit(draftWithStages(draft, data, workflow));
                setFromBoard(boardName);
              }}
            />
            {fromBoard !== null && (
              <SectionMessage appearance="information" testId="board-stages-used">
                <Text as="p">Stages taken from the columns of {fromBoard}. Review them, then save the workflow to use them.</Text>
              </SectionMessage>
            )}
            {draft.stages.map((stage, index) => (
              <Inline key={stage.id} space="space.100" alignBlock="center">
                <div className="settings-field">
                  <Label htmlFor={`stage-${stage.id}`}>Stage {index + 1} name</Label>
                  <Textfield
                    id={`stage-${stage.id}`}
                    value={stage.name}
                    maxLength={60}
                    onChange={(event) => {
                      const name = event.currentTarget.value;
                      edit({ ...draft, stages: draft.stages.map((s) => (s.id === stage.id ? { ...s, name } : s)) });
                    }}
                  />
                </div>
                <Checkbox
                  label="Active work"
                  isChecked={canBeActive(draft, index) && stage.active}
                  isDisabled={!canBeActive(draft, index)}
                  aria-label={`${stage.name || `Stage ${index + 1}`} is active work`}
                  onChange={(event) =>
                    edit({ ...draft, stages: draft.stages.map((s) => (s.id === stage.id ? { ...s, active: event.target.checked } : s)) })
                  }
                />
                <Button spacing="compact" onClick={() => edit(moveStage(draft, stage.id, -1))} isDisabled={index === 0}>
                  Up
                </Button>
                <Button
                  spacing="compact"
                  onClick={() => edit(moveStage(draft, stage.id, 1))}
                  isDisabled={index === draft.stages.length - 1}
                >
                  Down
                </Button>
                <Button
                  spacing="compact"
                  appearance="subtle"
                  onClick={() => edit(removeStage(draft, stage.id))}
                  isDisabled={draft.stages.length <= 2}
                >
                  Remove
                </Button>
              </Inline>
            ))}
            <Inline>
              <Button onClick={() => edit(addStage(draft))} isDisabled={draft.stages.length >= 20}>
                Add stage
              </Button>
            </Inline>
            <Text as="p" size="small" color="color.text.subtle">
              Waiting stages (queues such as "Ready for review") count towards cycle time but not towards active work in flow efficiency.
            </Text>
          </Stack>

          <Inline space="space.200">
            {(['startStage', 'doneStage'] as const).map((role) => (
              <div className="settings-field" key={role}>
                <Label htmlFor={`workflow-${role}`}>
                  {role === 'startStage' ? 'Start stage (the clock starts)' : 'Done stage (the clock stops)'}
                </Label>
                <StageSelect
                  id={`workflow-${role}`}
                  stages={draft.stages}
                  stageId={draft[role]}
                  noStage="Choose a stage"
                  onChange={(stageId) => edit({ ...draft, [role]: stageId })}
                />
              </div>
            ))}
          </Inline>

          <Stack space="space.100" testId="status-mapping">
            <Heading size="xsmall" as="h4">
              Statuses
            </Heading>
            {data.statuses.map((status) => (
              <div key={status.id} className="settings-status-row">
                <Text weight="medium">{status.name}</Text>
                <span>
                  {status.category && (
                    <Lozenge appearance={CATEGORY_LOZENGES[status.category].appearance}>{CATEGORY_LOZENGES[status.category].label}</Lozenge>
                  )}
                </span>
                <StageSelect
                  label={`Stage of status ${status.name}`}
                  stages={draft.stages}
                  stageId={draft.stageOfStatus[status.id] ?? null}
                  noStage="Not in a stage"
                  onChange={(stageId) => edit({ ...draft, stageOfStatus: { ...draft.stageOfStatus, [status.id]: stageId } })}
                />
                <Checkbox
                  label="Discarded, not delivered"
                  aria-label={`${status.name} means discarded, not delivered`}
                  isChecked={isFinishedStatus(draft, status.id) && draft.discardedStatusIds.includes(status.id)}
                  isDisabled={!isFinishedStatus(draft, status.id)}
                  onChange={(event) =>
                    edit({
                      ...draft,
                      discardedStatusIds: event.target.checked
                        ? [...draft.discardedStatusIds, status.id]
                        : draft.discardedStatusIds.filter((id) => id !== status.id),
                    })
                  }
                />
              </div>
            ))}
            <Text as="p" size="small" color="color.text.subtle">
              A done status such as Won't Fix or Duplicate can mean the work was discarded: its items still leave work in progress, but are
              left out of cycle time and throughput and counted apart.
            </Text>
          </Stack>

          <div className="settings-field">
            <Label htmlFor="workflow-discardedResolutions">Resolutions that mean discarded, not delivered</Label>
            <Textfield
              id="workflow-discardedResolutions"
              testId="workflow-discarded-resolutions"
              spellCheck={false}
              placeholder="Won't Fix, Duplicate"
              value={draft.discardedResolutions}
              onChange={(event) => edit({ ...draft, discardedResolutions: event.currentTarget.value })}
            />
            <HelperMessage>
              Names separated by commas, as Jira spells them (any case). An item done with one of these resolutions is discarded whatever
              its done status: it leaves work in progress, but is left out of cycle time and throughput and counted apart. Takes effect once
              the project's history holds resolutions (after its next full sync).
            </HelperMessage>
          </div>

          <div className="settings-field">
            <Label htmlFor="workflow-excludedIssueTypes">Issue types left out by default</Label>
            <Textfield
              id="workflow-excludedIssueTypes"
              spellCheck={false}
              value={draft.excludedIssueTypes}
              onChange={(event) => edit({ ...draft, excludedIssueTypes: event.currentTarget.value })}
            />
            <HelperMessage>
              Names separated by commas. The project page opens without these types; a reader can still tick them in. Epics and sub-tasks
              are left out unless you change this.
            </HelperMessage>
          </div>

          <Stack space="space.100">
            <Heading size="xsmall" as="h4">
              Conventions
            </Heading>
            <ConventionsEditor conventions={draft.conventions} onChange={(conventions) => edit({ ...draft, conventions })} />
          </Stack>

          {problems.length > 0 && (
            <SectionMessage appearance="warning" title="Not ready to save" testId="workflow-problems">
              <Stack space="space.050">
                {problems.map((problem) => (
                  <Text as="p" key={problem}>
                    {problem}
                  </Text>
                ))}
              </Stack>
            </SectionMessage>
          )}
          {/* What a save did, beside the button that did it: the top of a long editor is out of sight by then. */}
          {saved && (
            <SectionMessage appearance="success" testId="workflow-saved">
              <Text as="p">Saved. The project's charts use this workflow from now on.</Text>
            </SectionMessage>
          )}
          <ActionError error={action.error} />
          <Inline space="space.100" alignBlock="center">
            <Button
              appearance="primary"
              onClick={() => void save()}
              isDisabled={!changed || problems.length > 0 || action.busy}
              isLoading={action.busy}
              aria-describedby={changed ? undefined : 'workflow-unchanged'}
            >
              Save workflow
            </Button>
            {data.customised && (
              <Button onClick={() => void reset()} isDisabled={action.busy}>
                Reset to defaults
              </Button>
            )}
            <Button appearance="subtle" onClick={onClose}>
              Close
            </Button>
            {!changed && (
              <Text id="workflow-unchanged" size="small" color="color.text.subtle" testId="workflow-unchanged">
                No changes to save
              </Text>
            )}
          </Inline>
        </Stack>
      </Box>
    </div>
  );
}
