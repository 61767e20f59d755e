import { FLAGGED_FIELD, RESOLUTIONS, STATUSES } from './catalogue';
import { DEMO_USERS } from './demo-data/demo-users';
import { ChangeKind, type ChangeRecord, type HistoryRecord } from './issue-store';
import { jiraTime } from './jira-time';
import { userRef } from './user-json';

/**
 * Changelog histories in Jira's words. Where one end of a change is empty (no resolution, unassigned,
 * not flagged) Jira sends `null` for `from`/`to` and often for `fromString`/`toString`, while its published
 * schema types them as plain strings. The simulation keeps to the schema: it leaves `from`/`to` out and
 * sends `""` for the texts (never leaving them out, since `item.toString` would then be Object's method).
 * A client must treat `null`, `""` and absent alike.
 */
export interface ChangeDetailsJson {
  field: string;
  fieldtype: string;
  fieldId: string;
  from?: string;
  fromString?: string;
  to?: string;
  toString?: string;
}

/** `from`/`fromString` and `to`/`toString` for the ends of a change that have a value. */
function ends(from: { value: string; text: string } | undefined, to: { value: string; text: string } | undefined) {
  return {
    ...(from ? { from: from.value } : {}),
    fromString: from ? from.text : '',
    ...(to ? { to: to.value } : {}),
    toString: to ? to.text : '',
  };
}

const named = (entry: { id: string; name: string } | undefined) => (entry ? { value: entry.id, text: entry.name } : undefined);
const person = (user: { accountId: string; displayName: string } | undefined) =>
  user ? { value: user.accountId, text: user.displayName } : undefined;

export function changeJson(change: ChangeRecord): ChangeDetailsJson {
  if (change.kind === 'raw') return { ...change.details };
  switch (change.kind) {
    case ChangeKind.Status: {
      return { field: 'status', fieldtype: 'jira', fieldId: 'status', ...ends(named(STATUSES[change.from]), named(STATUSES[change.to])) };
    }
    case ChangeKind.Resolution: {
      return {
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        ...ends(named(RESOLUTIONS[change.from]), named(RESOLUTIONS[change.to])),
      };
    }
    case ChangeKind.Flag: {
      const on = `[${FLAGGED_FIELD.optionId}]`;
      return {
        field: FLAGGED_FIELD.name,
        fieldtype: 'custom',
        fieldId: FLAGGED_FIELD.id,
        ...(change.from === 1 ? { from: on } : {}),
        fromString: change.from === 1 ? FLAGGED_FIELD.optionValue : '',
        ...(change.to === 1 ? { to: on } : {}),
        toString: change.to === 1 ? FLAGGED_FIELD.optionValue : '',
      };
    }
    case ChangeKind.Assignee: {
      return {
        field: 'assignee',
        fieldtype: 'jira',
        fieldId: 'assignee',
        ...ends(person(DEMO_USERS[change.from]), person(DEMO_USERS[change.to])),
      };
    }
  }
}

/** The field id a change touched, for `fieldIds` filters. */
export function changeFieldId(change: ChangeRecord): string {
  if (change.kind === 'raw') return change.details.fieldId;
  switch (change.kind) {
    case ChangeKind.Status:
      return 'status';
    case ChangeKind.Resolution:
      return 'resolution';
    case ChangeKind.Flag:
      return FLAGGED_FIELD.id;
    case ChangeKind.Assignee:
      return 'assignee';
  }
}

export function historyJson(siteUrl: string, history: HistoryRecord, onlyFields?: ReadonlySet<string>) {
  const changes = onlyFields ? history.changes.filter((c) => onlyFields.has(changeFieldId(c))) : history.changes;
  const author = userRef(siteUrl, history.author);
  return {
    id: String(history.id),
    ...(author ? { author } : {}),
    created: jiraTime(history.created),
    items: changes.map(changeJson),
  };
}
