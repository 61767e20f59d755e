import { formatDateTime } from '../../common/format-date-time';
import { describeAuditDetails } from './audit-details';

describe('the details of an audit entry, in words', () => {
  it('names what was acted on, then each recorded fact by its name in words', () => {
    expect(describeAuditDetails({ subject: 'FLOW', details: { startStage: 'Doing', doneStage: 'Done' } })).toBe('FLOW · start stage: Doing · done stage: Done');
  });

  it('says what counts and flags mean, and shows times as dates', () => {
    const expiresAt = '2026-05-09T12:00:00.000Z';
    expect(describeAuditDetails({ subject: null, details: { erasedValues: 11, erasedSecrets: 2 } })).toBe('values erased: 11 · tokens erased: 2');
    expect(describeAuditDetails({ subject: '#flow-metrics', details: { botIsMember: false, githubLogin: 'reader', expiresAt } })).toBe(
      `#flow-metrics · bot in channel: no · GitHub account: reader · expires at: ${formatDateTime(expiresAt)}`,
    );
  });

  it('leaves out facts that were not recorded', () => {
    expect(describeAuditDetails({ subject: null, details: { expiresAt: null, from: '' } })).toBe('');
  });
});
