import { invoke, requestJira } from '@forge/bridge';
import { fireEvent, screen } from '@testing-library/react';
import { userBulkResponse } from './settings-fixtures';

/**
 * The bridge a settings-section test talks to, which the test file mocks itself (jest.mock is hoisted only there):
 * `jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }))`. User names resolve to
 * "Ada Admin", and every answer a test set up is forgotten after it.
 */
export function mockSettingsBridge() {
  const invokeMock = jest.mocked(invoke);
  const jiraFetchMock = jest.mocked(requestJira);
  beforeEach(() => jiraFetchMock.mockResolvedValue(userBulkResponse()));
  afterEach(() => {
    invokeMock.mockReset();
    jiraFetchMock.mockReset();
  });
  return { invokeMock, jiraFetchMock };
}

/** Types into the field whose label matches, as an admin would. */
export const typeInto = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
