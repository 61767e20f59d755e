import { countedIssueTypes, DEFAULT_EXCLUDED_ISSUE_TYPES } from './counted-issue-types';
import { DEFAULT_FLOW_CONFIG, parseFlowConfig } from './flow-config';

describe('the issue types counted by default', () => {
  it('leaves epics and sub-tasks out unless the configuration says otherwise', () => {
    expect(DEFAULT_FLOW_CONFIG.excludedIssueTypes).toBe(DEFAULT_EXCLUDED_ISSUE_TYPES);
    expect(countedIssueTypes(['Bug', 'Epic', 'Story', 'Sub-task'], DEFAULT_FLOW_CONFIG.excludedIssueTypes)).toEqual(['Bug', 'Story']);
    expect(countedIssueTypes(['Bug', 'epic', 'Subtask'], DEFAULT_EXCLUDED_ISSUE_TYPES)).toEqual(['Bug']);
  });

  it('follows the list an admin saved, even an empty one', () => {
    expect(parseFlowConfig({ excludedIssueTypes: ['Bug'] }).excludedIssueTypes).toEqual(['Bug']);
    expect(countedIssueTypes(['Bug', 'Epic'], parseFlowConfig({ excludedIssueTypes: [] }).excludedIssueTypes)).toEqual(['Bug', 'Epic']);
    expect(() => parseFlowConfig({ excludedIssueTypes: 'Epic' })).toThrow('excludedIssueTypes: expected an array');
  });
});
