import { licenceFromContext } from './installation-licence-context';

describe("the installation's licence, from Forge's context", () => {
  it('is active when Forge sends none: development, staging and free apps', () => {
    expect(licenceFromContext({ installContext: 'ari:cloud:jira::site/1' })).toEqual({ active: true });
    expect(licenceFromContext({ license: null })).toEqual({ active: true });
    expect(licenceFromContext(undefined)).toEqual({ active: true });
  });

  it("follows the licence's isActive when Forge sends one", () => {
    expect(licenceFromContext({ license: { isActive: true, isEvaluation: true, trialEndDate: '2027-01-01' } })).toEqual({ active: true });
    expect(licenceFromContext({ license: { isActive: false, billingPeriod: 'MONTHLY' } })).toEqual({ active: false });
  });

  it('follows the current `active` first, the deprecated isActive only when `active` is absent', () => {
    expect(licenceFromContext({ license: { active: false } })).toEqual({ active: false });
    expect(licenceFromContext({ license: { active: false, isActive: true } })).toEqual({ active: false });
    expect(licenceFromContext({ license: { active: true, isActive: false } })).toEqual({ active: true });
  });

  it('never stops the app on a licence in a shape it does not know', () => {
    expect(licenceFromContext({ license: { active: 'false' } })).toEqual({ active: true });
    expect(licenceFromContext({ license: { isActive: 'false' } })).toEqual({ active: true });
  });
});
