import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { useEffect, useState } from 'react';
import { generatedPathsProblem } from '../../../src/domain';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useResolver } from '../../common/use-resolver';
import { ActionError } from './ActionError';
import { useSettingsAction } from './use-settings-action';
import './settings-form.css';

/** Patterns as typed: one per line; blank lines are not patterns. */
export function parsePatternList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Generated files left out of pull-request sizes, besides the lockfiles and each repository's own
 * `linguist-generated` paths: the admin lists more, one gitattributes pattern a line. Checked as typed by the
 * same rule the app applies when it stores them.
 */
export function GeneratedPathsForm() {
  const query = useResolver('getGeneratedPaths');
  const action = useSettingsAction();
  const [text, setText] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const loaded = query.state.status === 'ready' ? query.state.data : null;
  useEffect(() => {
    if (loaded && text === null) setText(loaded.patterns.join('\n'));
  }, [loaded, text]);

  if (query.state.status === 'error') {
    return (
      <ResolverErrorMessage error={query.state.error} onRetry={query.reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />
    );
  }
  if (!loaded || text === null) return <LoadingState label="Loading the generated files" />;

  const patterns = parsePatternList(text);
  const problem = generatedPathsProblem(patterns);
  const unchanged = patterns.join('\n') === loaded.patterns.join('\n');
  const save = async () => {
    const result = await action.run('setGeneratedPaths', { patterns });
    if (result.ok) {
      setText(result.data.patterns.join('\n'));
      setSavedAt(Date.now());
      query.reload();
    }
  };

  return (
    <Stack space="space.100" testId="generated-paths">
      <Heading size="small" as="h3">
        Generated files
      </Heading>
      <Text as="p" color="color.text.subtle">
        Left out of pull-request sizes: lockfiles ({loaded.lockfiles.join(', ')}), paths a repository marks linguist-generated in its
        .gitattributes, and the patterns below (gitattributes syntax, one a line, at most {loaded.limits.maxPatterns}), such as
        src/api/generated/** or **/*.pb.go. A change counts for pull requests read from then on.
      </Text>
      <label htmlFor="generated-paths">
        <Text weight="semibold">Generated paths</Text>
      </label>
      <textarea
        id="generated-paths"
        className="settings-textarea"
        rows={Math.min(10, Math.max(3, patterns.length + 1))}
        spellCheck={false}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'generated-paths-problem' : undefined}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setSavedAt(null);
        }}
      />
      {problem && (
        <Text color="color.text.danger" testId="generated-paths-problem" id="generated-paths-problem">
          {problem}
        </Text>
      )}
      <ActionError error={action.error} />
      <Inline space="space.100" alignBlock="center">
        <Button appearance="primary" onClick={() => void save()} isDisabled={problem !== null || unchanged || action.busy}>
          Save generated paths
        </Button>
        {savedAt !== null && unchanged && <Text testId="generated-paths-saved">Saved.</Text>}
      </Inline>
    </Stack>
  );
}
