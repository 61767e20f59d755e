import type { NavigationType } from './navigation';

/**
 * Every navigation an app frame asked the host for, gone or refused, oldest first: what `GET
 * /__forge/navigations` shows, so tests can see where a click in a chart sent the person.
 */
export interface NavigationRecord {
  at: string;
  accountId: string;
  moduleKey: string;
  projectKey?: string;
  /** The location as the app passed it to `router.open` / `router.navigate`. */
  requested: unknown;
  type?: NavigationType;
  /** Where the host went; absent when it refused. */
  url?: string;
  /** Why the host refused; absent when it went. */
  refused?: string;
}

const KEPT = 500;

export class NavigationLog {
  private records: NavigationRecord[] = [];

  record(entry: Omit<NavigationRecord, 'at'>): void {
    this.records.push({ at: new Date().toISOString(), ...entry });
    // A long `npm start` session must not grow without bound; tests only look at the latest.
    if (this.records.length > KEPT) this.records.splice(0, this.records.length - KEPT);
  }

  all(): NavigationRecord[] {
    return [...this.records];
  }

  clear(): void {
    this.records = [];
  }
}
