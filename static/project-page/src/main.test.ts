/** @jest-environment jsdom */
import { waitFor } from '@testing-library/react';

const startFirstRequests = jest.fn();
const showPage = jest.fn<Promise<void>, []>();
jest.mock('./first-requests', () => ({ startFirstRequests }));
jest.mock('./show-page', () => ({ showPage }));

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  jest.resetModules();
  startFirstRequests.mockReset();
  showPage.mockReset();
  jest.spyOn(console, 'error').mockImplementation(() => {});
});

const runMain = () => jest.isolateModulesAsync(async () => void (await import('./main')));

describe("the project page's script", () => {
  it('sends the first requests, then draws the page with the components it imports', async () => {
    showPage.mockResolvedValue();
    await runMain();
    expect(startFirstRequests).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(showPage).toHaveBeenCalledTimes(1));
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so in plain words when the components cannot be loaded or drawn', async () => {
    showPage.mockRejectedValue(new Error('chunk failed'));
    await runMain();
    await waitFor(() =>
      expect(document.querySelector('[role="alert"]')?.textContent).toBe('Flow metrics could not load. Reload the page to try again.'),
    );
  });
});
