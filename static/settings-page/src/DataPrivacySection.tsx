import Button from '@atlaskit/button/new';
import Form, { ErrorMessage, Field, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useEffect, useRef, useState } from 'react';
import { ERASE_CONFIRMATION_PHRASE, type DataPrivacyData, type PurgeOutcome } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { invoke } from '../../common/invoke-resolver';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useResolver } from '../../common/use-resolver';
import { ActionError } from './ActionError';
import { collectAppDataExport, saveJsonFile } from './app-data-download';
import { SubmitButton } from './SubmitButton';
import { useSettingsAction } from './use-settings-action';
import './settings-form.css';

/** "730 days (about 2 years)": the window in the unit people think in. */
export function describeRetention(days: number): string {
  if (days >= 365) {
    const years = Math.round((days / 365) * 10) / 10;
    return `${days} days (about ${years} ${years === 1 ? 'year' : 'years'})`;
  }
  const months = Math.round(days / 30);
  return `${days} days (about ${months} ${months === 1 ? 'month' : 'months'})`;
}

/** The retention form's one field, as typed. */
interface RetentionFormValues extends Record<string, unknown> {
  retentionDays?: string;
}

/** How often the page asks whether a queued purge has finished, and for how long (15 minutes) at most. */
export const PURGE_POLL_INTERVAL_MS = 3_000;
const MAX_PURGE_POLLS = 300;

/** What a finished purge removed, in one sentence. */
function describePurge(outcome: PurgeOutcome): string {
  const records = `Purged ${outcome.removed} expired ${outcome.removed === 1 ? 'record' : 'records'}`;
  const parts = [
    `${outcome.removedAuditEntries} audit ${outcome.removedAuditEntries === 1 ? 'entry' : 'entries'}`,
    `${outcome.removedIssues} ${outcome.removedIssues === 1 ? 'issue' : 'issues'}`,
  ];
  // Older outcomes, stored before pull requests were purged, have no count of them.
  const pulls = outcome.removedPullRequests ?? 0;
  if (pulls > 0) parts.push(`${pulls} pull ${pulls === 1 ? 'request' : 'requests'}`);
  const erased = outcome.erasedProjects.length ? ` Erased projects no longer measured: ${outcome.erasedProjects.join(', ')}.` : '';
  const skipped = outcome.skippedProjects.length ? ` Busy syncing, left for the next purge: ${outcome.skippedProjects.join(', ')}.` : '';
  return `${records} (${parts.join(', ')}).${erased}${skipped}`;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Erasing a large site takes several calls; more than this means something is wrong. */
const MAX_ERASE_CALLS = 100;

/**
 * Data and privacy: how long the app keeps data, purging now, exporting everything it stores, erasing
 * everything, the last personal-data report, and how tokens are sealed.
 */
export function DataPrivacySection({ onErased }: { onErased?: () => void }) {
  const { state, reload } = useResolver('getDataPrivacy');
  const action = useSettingsAction();
  const [shown, setShown] = useState<DataPrivacyData | null>(null);
  const [confirmation, setConfirmation] = useState('');
  const [notice, setNotice] = useState<{ text: string; appearance: 'information' | 'success' } | null>(null);
  const inform = (text: string) => setNotice({ text, appearance: 'information' });
  const [exporting, setExporting] = useState(false);
  const [purging, setPurging] = useState(false);
  // A purge followed after the page has gone must not set its state.
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  if (state.status === 'loading') return <LoadingState label="Loading data and privacy settings" />;
  if (state.status === 'error') {
    return <ResolverErrorMessage error={state.error} onRetry={reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />;
  }
  const data = shown ?? state.data;
  const limits = data.retentionLimits;
  const retentionProblem = (text: string | undefined) => {
    const days = Number(text);
    return (text ?? '').trim() !== '' && Number.isInteger(days) && days >= limits.min && days <= limits.max
      ? undefined
      : `Choose a whole number of days from ${limits.min} to ${limits.max}.`;
  };

  const saveRetention = async ({ retentionDays }: RetentionFormValues) => {
    setNotice(null);
    const result = await action.run('setRetention', { retentionDays: Number(retentionDays) });
    if (result.ok) {
      setShown(result.data);
      inform(`Data is now kept for ${describeRetention(result.data.retentionDays)}.`);
    }
  };

  // The purge runs on the queue: the page follows it until the last purge is the one it asked for (or newer).
  const purge = async () => {
    setNotice(null);
    const result = await action.run('purgeNow');
    if (!result.ok) return;
    setPurging(true);
    inform('Purging…');
    try {
      for (let poll = 0; poll < MAX_PURGE_POLLS && mounted.current; poll += 1) {
        await pause(PURGE_POLL_INTERVAL_MS);
        if (!mounted.current) return;
        const latest = await invoke('getDataPrivacy');
        const last = latest.ok ? latest.data.lastPurge : null;
        if (latest.ok && last !== null && last.at >= result.data.requestedAt) {
          setShown(latest.data);
          setNotice({ text: describePurge(last), appearance: 'success' });
          return;
        }
      }
      if (mounted.current) inform('The purge is still running; this page shows its result once you open it again after it ends.');
    } finally {
      if (mounted.current) setPurging(false);
    }
  };

  const exportAll = async () => {
    setNotice(null);
    action.clearError();
    setExporting(true);
    try {
      const exported = await collectAppDataExport();
      if (!exported.ok) {
        inform(`The export failed: ${exported.error.message}`);
        return;
      }
      saveJsonFile(`flow-metrics-export-${exported.data.exportedAt.slice(0, 10)}.json`, exported.data);
      inform(`Exported ${exported.data.entries.length} stored values.`);
    } finally {
      setExporting(false);
    }
  };

  const reseal = async () => {
    setNotice(null);
    const result = await action.run('resealSecrets');
    if (result.ok) {
      setShown({ ...data, secretsOnOlderKeys: result.data.unreadable });
      inform(`Re-sealed ${result.data.resealed} ${result.data.resealed === 1 ? 'token' : 'tokens'} with key ${result.data.newestKeyId}.`);
    }
  };

  const erase = async () => {
    setNotice(null);
    let erasedValues = 0;
    for (let call = 0; call < MAX_ERASE_CALLS; call += 1) {
      const result = await action.run('eraseAllAppData', { confirmation });
      if (!result.ok) return;
      erasedValues += result.data.erasedValues;
      if (result.data.done) {
        setConfirmation('');
        setShown(null);
        setNotice({ text: `Erased ${erasedValues} stored values and every token.`, appearance: 'success' });
        reload();
        onErased?.();
        return;
      }
    }
  };

  const report = data.lastPersonalDataReport;
  const confirmed = confirmation.trim().toLowerCase() === ERASE_CONFIRMATION_PHRASE;
  return (
    <Stack space="space.300" testId="data-privacy-section">
      <Stack space="space.100">
        <Heading size="medium" as="h2">
          Data and privacy
        </Heading>
        <Text as="p" color="color.text.subtle">
          Flow metrics keeps a compact copy of each measured project's issue history: issue keys, types, creation and resolution times,
          status changes, and the resolution, labels, components and parent key each issue is filed under. No summaries, descriptions or
          comments. Account ids are kept only where a feature needs them (this page's audit log, who connected a token), and are reported to
          Atlassian weekly so closed accounts are erased.
        </Text>
      </Stack>
      {notice && (
        <SectionMessage appearance={notice.appearance} testId="privacy-notice">
          <Text as="p">{notice.text}</Text>
        </SectionMessage>
      )}
      <ActionError error={action.error} />

      <Stack space="space.100" testId="retention">
        <Heading size="small" as="h3">
          Retention
        </Heading>
        <Text as="p">
          Data older than {describeRetention(data.retentionDays)} is dropped daily.
          {data.lastPurge
            ? ` Last purge ${formatDateTime(data.lastPurge.at)}: ${data.lastPurge.removed} removed.`
            : ' No purge has run yet.'}
        </Text>
        <Form<RetentionFormValues> onSubmit={saveRetention} label="Retention">
          <Stack space="space.100">
            <Field<string>
              name="retentionDays"
              id="retention-days"
              label={`Keep data for (days, ${limits.min} to ${limits.max})`}
              defaultValue={String(data.retentionDays)}
              validate={retentionProblem}
            >
              {({ fieldProps, error }) => (
                <>
                  <Textfield {...fieldProps} type="number" min={limits.min} max={limits.max} step={1} width="small" />
                  {error ? (
                    <ErrorMessage>{error}</ErrorMessage>
                  ) : Number(fieldProps.value) < data.retentionDays ? (
                    // A shorter window deletes data at the next daily purge, and nothing brings it back: say so before saving.
                    <HelperMessage testId="retention-shortened">
                      <Text size="small" color="color.text.warning">
                        {describeRetention(Number(fieldProps.value))}. Shorter than now: data older than this is deleted at the next purge
                        and cannot be recovered.
                      </Text>
                    </HelperMessage>
                  ) : (
                    <HelperMessage>{describeRetention(Number(fieldProps.value))}</HelperMessage>
                  )}
                </>
              )}
            </Field>
            <Inline space="space.100">
              <SubmitButton<RetentionFormValues>
                canSubmit={({ retentionDays }) => Number(retentionDays) !== data.retentionDays}
                isDisabled={action.busy}
              >
                Save retention
              </SubmitButton>
              <Button onClick={() => void purge()} isDisabled={action.busy || purging} isLoading={purging}>
                Purge now
              </Button>
            </Inline>
          </Stack>
        </Form>
      </Stack>

      <Stack space="space.100" testId="personal-data-report">
        <Heading size="small" as="h3">
          Personal data
        </Heading>
        <Text as="p">
          The app keeps data about {data.storedAccounts} Atlassian {data.storedAccounts === 1 ? 'account' : 'accounts'}.
        </Text>
        {report ? (
          <Inline space="space.100" alignBlock="center">
            <Lozenge appearance={report.outcome === 'ok' ? 'success' : 'removed'}>
              {report.outcome === 'ok' ? 'Reported' : 'Failed'}
            </Lozenge>
            <Text>
              Last report {formatDateTime(report.at)}: {report.accountsReported} accounts reported, {report.closed} closed (erased),{' '}
              {report.updated} updated.
            </Text>
          </Inline>
        ) : (
          <Text as="p" color="color.text.subtle">
            No personal-data report has run yet; it runs weekly.
          </Text>
        )}
      </Stack>

      <Stack space="space.100" testId="sealing">
        <Heading size="small" as="h3">
          Token encryption
        </Heading>
        {data.sealing.configured ? (
          <Text as="p">
            Tokens are sealed with AES-256-GCM under key "{data.sealing.newestKeyId}" ({data.sealing.keyCount}{' '}
            {data.sealing.keyCount === 1 ? 'key' : 'keys'} configured), then stored as Forge secrets.
          </Text>
        ) : (
          <Text as="p">No sealing key is configured, so no token can be stored. {data.sealing.problem ?? ''}</Text>
        )}
        {data.secretsOnOlderKeys > 0 && (
          <Inline space="space.100" alignBlock="center">
            <Text>
              {data.secretsOnOlderKeys} stored {data.secretsOnOlderKeys === 1 ? 'token is' : 'tokens are'} sealed with an older key.
            </Text>
            <Button onClick={() => void reseal()} isDisabled={action.busy}>
              Re-seal with the newest key
            </Button>
          </Inline>
        )}
      </Stack>

      <Stack space="space.100" testId="export">
        <Heading size="small" as="h3">
          Export
        </Heading>
        <Text as="p">Everything the app stores for this site, as one JSON file. Tokens are never included.</Text>
        <Inline>
          <Button onClick={() => void exportAll()} isDisabled={action.busy || exporting} isLoading={exporting}>
            Export all data
          </Button>
        </Inline>
      </Stack>

      <Stack space="space.100" testId="erase">
        <Heading size="small" as="h3">
          Erase all app data
        </Heading>
        <Text as="p">
          Deletes every token, every setting, each project's stored history and the audit log, which then holds only a record of this
          erasure. Projects stop being measured. This cannot be undone.
        </Text>
        <div className="settings-field">
          <Label htmlFor="erase-confirmation">Type "{ERASE_CONFIRMATION_PHRASE}" to confirm</Label>
          <Textfield
            id="erase-confirmation"
            autoComplete="off"
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
          />
        </div>
        <Inline>
          <Button
            appearance="danger"
            onClick={() => void erase()}
            isDisabled={!confirmed || action.busy}
            isLoading={action.busy && confirmed}
          >
            Erase all app data
          </Button>
        </Inline>
      </Stack>
    </Stack>
  );
}
