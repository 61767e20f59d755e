import { SECRET_NAMES, type PersonalDataIndex, type SecretVault, type StoredDocument } from '../../ports';
import { RETENTION_DAYS, type DataPrivacyData, type PersonalDataReportSummary } from '../../shared/resolver-contract';
import { purgeForPage, type RetentionPurgeOutcome } from './expired-data-purge';
import { readRetentionDays, type RetentionSettings } from './retention-window';

export interface DataPrivacyOverviewPorts {
  retention: StoredDocument<RetentionSettings>;
  lastPurge: StoredDocument<RetentionPurgeOutcome>;
  /** Written by the weekly personal-data job; read defensively, since another part of the app owns its shape. */
  lastPersonalDataReport: StoredDocument<unknown>;
  personalData: PersonalDataIndex;
  vault: SecretVault;
}

function reportSummary(value: unknown): PersonalDataReportSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const report = value as Record<string, unknown>;
  const count = (field: string) => (typeof report[field] === 'number' ? report[field] : 0);
  if (typeof report.at !== 'string') return null;
  return {
    at: report.at,
    accountsReported: count('accountsReported'),
    closed: count('closed'),
    updated: count('updated'),
    outcome: report.outcome === 'ok' ? 'ok' : 'failed',
  };
}

/** The data and privacy section: retention, the last purge and personal-data report, and how tokens are sealed. */
export async function getDataPrivacy(ports: DataPrivacyOverviewPorts): Promise<DataPrivacyData> {
  const sealing = ports.vault.sealingStatus();
  const [retentionDays, lastPurge, lastReport, storedAccounts, sealedWith] = await Promise.all([
    readRetentionDays(ports.retention),
    ports.lastPurge.read(),
    ports.lastPersonalDataReport.read(),
    ports.personalData.count(),
    Promise.all(SECRET_NAMES.map((name) => ports.vault.sealedWith(name))),
  ]);
  return {
    retentionDays,
    retentionLimits: { ...RETENTION_DAYS },
    lastPurge: lastPurge === null ? null : purgeForPage(lastPurge),
    lastPersonalDataReport: reportSummary(lastReport),
    storedAccounts,
    sealing,
    secretsOnOlderKeys: sealedWith.filter((keyId) => keyId !== null && keyId !== sealing.newestKeyId).length,
  };
}
