import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import type { ReactNode } from 'react';
import type { ConnectionCheck } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
import { useUserNames } from './use-user-names';

/** What every stored connection (GitHub, Slack) tells the admin, whatever the service. Never the token. */
export interface StoredConnection {
  connectedBy: string;
  connectedAt: string;
  lastCheck: ConnectionCheck;
  warnings: readonly string[];
}

export interface ConnectionStatusProps {
  /** Prefix of the test ids: `<service>-connection`, `<service>-connected-by`, `<service>-warnings`… */
  service: 'github' | 'slack';
  connection: StoredConnection;
  /** Beside the status: what the token is connected as, or to. */
  summary: ReactNode;
  /** A later dated event worth naming after the last check, e.g. "last test message 10 Mar 2026, 12:30". */
  lastActivity?: string | null;
  /** What the token can reach: repositories, channel, scopes, expiry. */
  children?: ReactNode;
}

/**
 * A connected token as the admin sees it: whether the last check passed (and why not), who connected it and
 * when, what it can reach, and what is worth fixing. The page never holds the token itself.
 */
export function ConnectionStatus({ service, connection, summary, lastActivity, children }: ConnectionStatusProps) {
  const nameOf = useUserNames([connection.connectedBy]);
  const { lastCheck } = connection;
  const healthy = lastCheck.outcome === 'ok';
  const problemShown = !healthy && lastCheck.problem ? lastCheck.problem : null;
  // The failed check's problem is shown once, in red under the status, not again among the things worth fixing.
  const warnings = connection.warnings.filter((warning) => warning !== problemShown);
  return (
    <Stack space="space.150" testId={`${service}-connection`}>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Lozenge appearance={healthy ? 'success' : 'removed'}>{healthy ? 'Connected' : 'Check failed'}</Lozenge>
        {summary}
      </Inline>
      <Text as="p" color="color.text.subtle" testId={`${service}-connected-by`}>
        Connected by {nameOf(connection.connectedBy)} on {formatDateTime(connection.connectedAt)}; last checked{' '}
        {formatDateTime(lastCheck.at)}
        {lastActivity ? `; ${lastActivity}` : ''}.
      </Text>
      {problemShown && (
        <Text as="p" color="color.text.danger" testId={`${service}-check-problem`}>
          {problemShown}
        </Text>
      )}
      {children}
      {warnings.length > 0 && (
        <SectionMessage appearance="warning" title="Worth fixing" testId={`${service}-warnings`}>
          <Stack space="space.050">
            {warnings.map((warning) => (
              <Text as="p" key={warning}>
                {warning}
              </Text>
            ))}
          </Stack>
        </SectionMessage>
      )}
    </Stack>
  );
}
