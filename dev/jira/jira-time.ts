/** Jira's timestamp format: milliseconds and a numeric offset, `2024-01-05T10:11:12.345+0000`. */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
