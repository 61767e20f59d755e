import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Label } from '@atlaskit/form';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { BoardWorkflowProposal, ProjectStatus, WorkflowSettings } from '../../../src/shared/resolver-contract';
import { ActionError } from './ActionError';
import { useSettingsAction } from './use-settings-action';

/** Why a project's board cannot be offered, in plain words. */
const BOARD_UNAVAILABLE: Record<NonNullable<BoardWorkflowProposal['unavailable']>, string> = {
  'no-jira-software': 'This site has no Jira Software, so there are no boards to take stages from. Set up the stages below by hand.',
  'no-board': 'This project has no board you can see. Set up the stages below by hand, or create a board in Jira first.',
  'too-few-columns': "The board's columns hold fewer than two of this project's statuses, which is not enough for a workflow.",
};

const listed = (names: readonly string[]) => names.join(', ');

/**
 * "Start from the board": the project's Jira board columns, offered as the workflow's stages. The admin picks
 * a board (when there are several), reads the stages it gives, and confirms; confirming only fills the editor,
 * and nothing is stored until the workflow is saved.
 */
export function BoardStagesOffer({
  projectKey,
  statuses,
  onUse,
}: {
  projectKey: string;
  statuses: readonly ProjectStatus[];
  onUse: (workflow: WorkflowSettings, boardName: string) => void;
}) {
  const action = useSettingsAction();
  const [offer, setOffer] = useState<BoardWorkflowProposal | null>(null);
  const nameOf = (id: string) => statuses.find((status) => status.id === id)?.name ?? id;

  const ask = async (boardId?: number) => {
    const result = await action.run('proposeBoardWorkflow', boardId === undefined ? { projectKey } : { projectKey, boardId });
    if (result.ok) setOffer(result.data);
  };

  if (offer === null) {
    return (
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center">
          <Button onClick={() => void ask()} isLoading={action.busy} isDisabled={action.busy} testId="board-stages-open">
            Start from the board's columns
          </Button>
          <Text size="small" color="color.text.subtle">
            Offers the project's Jira board columns as stages; you confirm before anything changes.
          </Text>
        </Inline>
        <ActionError error={action.error} title="Board not read" testId="board-stages-error" />
      </Stack>
    );
  }

  const proposal = offer.proposal;
  return (
    <div role="region" aria-label="Stages from the board" className="settings-board-offer">
      <Box padding="space.150" backgroundColor="elevation.surface" testId="board-stages">
        <Stack space="space.150">
          <Heading size="xxsmall" as="h5">
            Stages from the board
          </Heading>
          {offer.boards.length > 1 && proposal && (
            <div className="settings-field">
              <Label htmlFor="board-stages-board">Board</Label>
              <select
                id="board-stages-board"
                className="settings-select"
                value={proposal.board.id}
                disabled={action.busy}
                onChange={(event) => void ask(Number(event.target.value))}
              >
                {offer.boards.map((board) => (
                  <option key={board.id} value={board.id}>
                    {board.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {offer.unavailable !== null && (
            <SectionMessage appearance="information" testId="board-stages-unavailable">
              <Text as="p">{BOARD_UNAVAILABLE[offer.unavailable]}</Text>
            </SectionMessage>
          )}
          {proposal && (
            <>
              <ol className="settings-board-stages" aria-label={`Stages proposed from ${proposal.board.name}`}>
                {proposal.workflow.stages.map((stage) => (
                  <li key={stage.name}>
                    <Text weight="medium">{stage.name}</Text>
                    <Text color="color.text.subtle">
                      {' '}
                      ({listed(stage.statusIds.map(nameOf))}){stage.name === proposal.workflow.startStage ? ' · the clock starts' : ''}
                      {stage.name === proposal.workflow.doneStage ? ' · the clock stops' : ''}
                    </Text>
                  </li>
                ))}
              </ol>
              {proposal.statusesNotOnBoard.length > 0 && (
                <Text as="p" size="small" testId="board-stages-not-on-board">
                  Not on the board, placed by their status category: {listed(proposal.statusesNotOnBoard.map(nameOf))}.
                </Text>
              )}
              {proposal.emptyColumns.length > 0 && (
                <Text as="p" size="small" testId="board-stages-empty-columns">
                  Left out, as no status of this project is in them: {listed(proposal.emptyColumns)}.
                </Text>
              )}
            </>
          )}
          <ActionError error={action.error} title="Board not read" testId="board-stages-error" />
          <Inline space="space.100">
            {proposal && (
              <Button
                appearance="primary"
                isDisabled={action.busy}
                onClick={() => {
                  onUse(proposal.workflow, proposal.board.name);
                  setOffer(null);
                }}
              >
                Use these stages
              </Button>
            )}
            <Button appearance="subtle" onClick={() => setOffer(null)}>
              {proposal ? 'Cancel' : 'Close'}
            </Button>
          </Inline>
        </Stack>
      </Box>
    </div>
  );
}
