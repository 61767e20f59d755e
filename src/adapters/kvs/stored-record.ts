import { z } from 'zod';
import { AppError } from '../../app/app-error';

/**
 * A kind of record the app keeps under one KVS key, with its own stored shape, versioned. What is written
 * is always the current version, `{ version, ...fields }`; what is read may be any version the app ever
 * wrote, and is upgraded on read, one version at a time. Records written before versions existed carry no
 * `version` field: they are version 1.
 *
 * The stored shape is the storage's own, not the settings page's wire type: each kind maps its fields to and
 * from the type the use-cases work with explicitly, so renaming a field on the page cannot orphan what is
 * stored, and renaming a stored field means a new version with its upgrade.
 */
export interface StoredRecordKind<T> {
  /** For messages: what the record is ("Slack connection"). */
  readonly name: string;
  readonly version: number;
  read(stored: unknown): T;
  write(value: T): unknown;
}

/** One stored version: its schema, and how a record of it becomes a record of the next version. */
interface OlderVersion {
  schema: z.ZodType;
  upgrade(record: never): unknown;
}

/**
 * A record kind from its current schema, the mappings to and from the use-cases' type, and the older
 * versions it may find (`older[1]` reads version 1 and answers a version-2 record, and so on).
 */
export function storedRecordKind<S extends z.ZodType, T>(definition: {
  name: string;
  version: number;
  current: S;
  toValue(record: z.output<S>): T;
  fromValue(value: T): z.input<S>;
  older: Readonly<Record<number, OlderVersion>>;
}): StoredRecordKind<T> {
  const unreadable = (detail: string) =>
    new AppError('UNAVAILABLE', `The stored ${definition.name} record cannot be read (${detail}); save it again to replace it.`);
  return {
    name: definition.name,
    version: definition.version,
    read(stored) {
      const given = typeof stored === 'object' && stored !== null ? (stored as { version?: unknown }).version : undefined;
      let version = given === undefined ? 1 : given;
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > definition.version) {
        throw unreadable(`version ${JSON.stringify(version)}`);
      }
      let record: unknown = stored;
      for (; version < definition.version; version++) {
        const older = definition.older[version];
        if (!older) throw unreadable(`no upgrade from version ${version}`);
        const parsed = older.schema.safeParse(record);
        if (!parsed.success) throw unreadable(`version ${version}: ${fieldsOf(parsed.error)}`);
        record = older.upgrade(parsed.data as never);
      }
      const current = definition.current.safeParse(record);
      if (!current.success) throw unreadable(fieldsOf(current.error));
      return definition.toValue(current.data);
    },
    write(value) {
      return definition.current.parse({ ...(definition.fromValue(value) as object), version: definition.version });
    },
  };
}

/** Which fields were wrong, never their values (a record may name an account). */
const fieldsOf = (error: z.ZodError) => [...new Set(error.issues.map((issue) => issue.path.join('.') || '(record)'))].join(', ');
