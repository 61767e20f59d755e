import { useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { invoke } from '../../../common/invoke-resolver';
import type { RemainingWorkData, RemainingWorkPayload, ResolverResult } from '../../../../src/shared/resolver-contract';
import { checkEpicKey, checkRemainingWorkQuery } from './forecast-questions';
import { counted } from './format';

/** Asks Jira, as the reader, how many unfinished items of the project a query or an epic names. */
export type CountRemainingWork = (payload: RemainingWorkPayload) => Promise<ResolverResult<RemainingWorkData>>;

/** The resolver's count (`countRemainingWork`): Jira answers as the reader, so only what they may see is counted. */
export const countRemainingWorkInJira: CountRemainingWork = (payload) => invoke('countRemainingWork', payload);

type Source = 'number' | 'jql' | 'epic';

/** The remaining work as Jira counts it: from a JQL query of the project, or from an epic. */
export type RemainingWork = { source: 'jql'; jql: string } | { source: 'epic'; epicKey: string };

/**
 * "Count the remaining work from": the number of items the "when" question asks about, counted by Jira from a JQL
 * query or an epic's unfinished children instead of typed. The query stays in the reader's browser: it is sent to
 * Jira for the count and stored nowhere by the app; once counted, it is written to the page's URL (as Jira's own
 * search writes its JQL to its address), so a link counts the same work again, as whoever follows it. What is wrong
 * with it (Jira's own reason included) is said beside it.
 * @param onCounted called with a count of at least one item, and what was counted, for the question.
 */
export function RemainingWorkField({
  projectKey,
  count,
  initial = null,
  onCounted,
  onSourceChange,
}: {
  projectKey: string;
  count: CountRemainingWork;
  /** The query or epic to count from when the field appears (a link's): it is counted at once, as the reader. */
  initial?: RemainingWork | null;
  onCounted: (items: number) => void;
  /** Called with the query or epic counted from, once Jira has counted it; null when the number is typed again. */
  onSourceChange?: (remaining: RemainingWork | null) => void;
}) {
  const problemId = useId();
  const [source, setSource] = useState<Source>(initial?.source ?? 'number');
  const [query, setQuery] = useState(initial?.source === 'jql' ? initial.jql : '');
  const [epic, setEpic] = useState(initial?.source === 'epic' ? initial.epicKey : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [counting, setCounting] = useState(false);

  const choose = (next: Source) => {
    setSource(next);
    setProblem(null);
    setOutcome(null);
    if (next === 'number') onSourceChange?.(null);
  };
  const countNow = async () => {
    const check = source === 'jql' ? checkRemainingWorkQuery(query) : checkEpicKey(epic, projectKey);
    setOutcome(null);
    if (!check.ok) {
      setProblem(check.message);
      return;
    }
    setProblem(null);
    setCounting(true);
    const answer = await count(source === 'jql' ? { source: 'jql', jql: check.value } : { source: 'epic', epicKey: check.value });
    setCounting(false);
    if (!answer.ok) {
      setProblem(answer.error.message);
      return;
    }
    const named = source === 'jql' ? 'matching the query' : `in ${check.value}`;
    if (answer.data.count === 0) {
      setProblem(`Jira counts no unfinished items ${named} for you: there is nothing to forecast.`);
      return;
    }
    setOutcome(`Jira counts ${counted(answer.data.count, 'unfinished item')} ${named} for you.`);
    onCounted(answer.data.count);
    onSourceChange?.(source === 'jql' ? { source: 'jql', jql: check.value } : { source: 'epic', epicKey: check.value });
  };
  // A link's query or epic is counted once, when the field appears, as a reader pressing Count would. Only the
  // value it appeared with: a query the reader counts comes back as `initial` too, once written to the URL.
  const [appearedWith] = useState(initial);
  const countedInitial = useRef(false);
  const countFirst = useRef(countNow);
  useEffect(() => {
    if (appearedWith === null || countedInitial.current) return;
    countedInitial.current = true;
    void countFirst.current();
  }, [appearedWith]);
  const described = problem === null ? undefined : problemId;

  return (
    <Stack space="space.050" testId="forecast-remaining">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <label className="fm-filter">
          <Text size="small" weight="medium">
            Count the items from
          </Text>
          <select
            className="fm-filter-select"
            data-testid="forecast-remaining-source"
            value={source}
            onChange={(event) => choose(event.target.value as Source)}
          >
            <option value="number">The number typed</option>
            <option value="jql">A JQL query</option>
            <option value="epic">An epic</option>
          </select>
        </label>
        {source !== 'number' && (
          <form
            className="fm-filter"
            onSubmit={(event) => {
              event.preventDefault();
              void countNow();
            }}
          >
            <label className="fm-filter">
              <Text size="small">{source === 'jql' ? `JQL, within ${projectKey}` : "Epic's key"}</Text>
              <input
                type="text"
                className="fm-filter-date fm-forecast-query"
                data-testid={source === 'jql' ? 'forecast-remaining-jql' : 'forecast-remaining-epic'}
                value={source === 'jql' ? query : epic}
                placeholder={source === 'jql' ? 'issuetype = Bug' : `${projectKey}-12`}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={described !== undefined}
                aria-describedby={described}
                onChange={(event) => (source === 'jql' ? setQuery(event.target.value) : setEpic(event.target.value))}
              />
            </label>
            <Button type="submit" isLoading={counting} testId="forecast-remaining-count">
              Count
            </Button>
          </form>
        )}
      </Inline>
      {problem !== null && (
        <p className="fm-filter-problem" id={problemId} role="alert" data-testid="forecast-remaining-problem">
          {problem}
        </p>
      )}
      {outcome !== null && (
        <Text size="small" color="color.text.subtle" testId="forecast-remaining-outcome">
          {outcome}
        </Text>
      )}
    </Stack>
  );
}
