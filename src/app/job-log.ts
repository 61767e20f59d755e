/**
 * Jobs log one short line each: Forge keeps 100 lines per runtime-minute, and a line must never carry a
 * token, an accountId or issue content. Only counts, project keys and outcomes go here.
 */
export function logJob(job: string, outcome: string): void {
  console.log(`[${job}] ${outcome}`);
}
