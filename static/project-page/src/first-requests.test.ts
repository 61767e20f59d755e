import { addressNamesAView } from './first-requests';

// No host to talk to: the bridge is only loaded, never called, here.
jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: {} }));

describe('addressNamesAView', () => {
  it('names no view for an address without a search part, as a first open from the sidebar has', async () => {
    await expect(addressNamesAView('')).resolves.toBe(false);
    await expect(addressNamesAView('?')).resolves.toBe(false);
  });

  it("reads any other address by the page's own rules", async () => {
    await expect(addressNamesAView('?tab=flow')).resolves.toBe(true);
    await expect(addressNamesAView('?period=last-30-days')).resolves.toBe(true);
    await expect(addressNamesAView('?tab=overview')).resolves.toBe(false);
    await expect(addressNamesAView('?utm_source=email')).resolves.toBe(false);
  });
});
