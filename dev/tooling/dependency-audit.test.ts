import { expect } from '@jest/globals';
import { auditVerdict } from './dependency-audit';

const report = (vulnerabilities: Record<string, { severity: string }>, counts: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } },
  });

describe('the dependency audit verdict', () => {
  it('passes a report without high or critical advisories', () => {
    expect(auditVerdict(report({ 'left-pad': { severity: 'moderate' } }, { moderate: 1, total: 1 }))).toEqual({
      kind: 'clean',
      counts: { info: 0, low: 0, moderate: 1, high: 0, critical: 0 },
    });
  });

  it('fails on high or critical, naming the packages', () => {
    const verdict = auditVerdict(
      report({ zod: { severity: 'high' }, react: { severity: 'critical' }, vite: { severity: 'low' } }, { high: 1, critical: 1, low: 1 }),
    );
    expect(verdict).toEqual({
      kind: 'vulnerable',
      counts: { info: 0, low: 1, moderate: 0, high: 1, critical: 1 },
      packages: ['react (critical)', 'zod (high)'],
    });
  });

  it('says the endpoint is unavailable when the registry refuses the audit (a mirror answering 405)', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      body: '',
    });
    expect(auditVerdict(refused)).toEqual({ kind: 'unavailable', reason: expect.stringContaining('405') });
    expect(auditVerdict(JSON.stringify({ error: { code: 'ENOTFOUND', summary: '' } }))).toEqual({
      kind: 'unavailable',
      reason: 'ENOTFOUND',
    });
    expect(auditVerdict('')).toMatchObject({ kind: 'unavailable' });
  });
});
