import type { ErasureGenerations, MeasuredProjects, StoredProjects } from '../../ports';
import type { SyncPorts } from './sync-run';

/**
 * A sync writes a project only while an admin still wants it: the project is measured, and no erasure of all
 * app data happened since the job was queued (the job carries the erasure generation it was queued under).
 * Both can change while a job waits in the queue or is half-way through a slice, so the mandate is checked
 * when a slice starts, before its first write, and once more after its last write.
 *
 * Checking before every write cost two reads a write (at 100,000 issues a backfill's read units went from
 * 339 to 1,202) and still left a gap between a check and its write, which only the last look closes: the
 * erase counts itself before deleting anything, and a slice that finds itself overtaken by an erase after its
 * last write deletes what it left of the project. Whichever order the two run in, nothing stays. A slice that
 * dies before that last look is retried by the queue, and the retry, finding the project erased, deletes what
 * the dead slice left. An admin who stops measuring a project mid-slice stops the job at its next slice; what
 * the slice finished stays until the retention purge, as everything of a project no longer measured does.
 */
export type Mandate = 'wanted' | 'unmeasured' | 'erased';

export interface MandatePorts {
  measured: Pick<MeasuredProjects, 'list'>;
  erasures: Pick<ErasureGenerations, 'current'>;
  storedProjects: Pick<StoredProjects, 'erase'>;
}

/** Thrown by a guarded write: the job stops where it is and writes nothing more. */
export class SyncWithdrawn extends Error {
  constructor(readonly mandate: Exclude<Mandate, 'wanted'>) {
    super(`The sync stopped: the project was ${mandate}.`);
    this.name = 'SyncWithdrawn';
  }
}

export async function mandateOf(ports: MandatePorts, projectKey: string, erasure: number): Promise<Mandate> {
  const [generation, measured] = await Promise.all([ports.erasures.current(), ports.measured.list()]);
  if (generation !== erasure) return 'erased';
  return measured.includes(projectKey) ? 'wanted' : 'unmeasured';
}

/** The writes of the sync's stores, each one refused (with `SyncWithdrawn`) once the mandate is gone. */
const GUARDED_WRITES = {
  store: ['writeManifest', 'saveShards'],
  cursors: ['write', 'writeIdList'],
  states: ['write'],
  summaries: ['write'],
} as const;

/**
 * The sync's ports for one slice, their writes refused once the slice's check finds the mandate gone. The
 * check runs once, before the slice's first write, unless the slice already confirmed the mandate as it
 * started (`confirmed`); the last look after the slice's last write is `eraseIfOvertaken`. Reads and deletions
 * go through unchecked: they cannot bring anything back.
 */
export function underMandate(ports: SyncPorts, projectKey: string, erasure: number, confirmed = false): SyncPorts {
  let check: Promise<void> | null = confirmed ? Promise.resolve() : null;
  const confirm = () =>
    (check ??= mandateOf(ports, projectKey, erasure).then((mandate) => {
      if (mandate !== 'wanted') throw new SyncWithdrawn(mandate);
    }));
  return {
    ...ports,
    store: guardWrites(ports.store, GUARDED_WRITES.store, confirm),
    cursors: guardWrites(ports.cursors, GUARDED_WRITES.cursors, confirm),
    states: guardWrites(ports.states, GUARDED_WRITES.states, confirm),
    summaries: guardWrites(ports.summaries, GUARDED_WRITES.summaries, confirm),
  };
}

/**
 * The last look after a job's last write: when an erasure overtook the job, whatever the job wrote after the
 * erase deleted the project is deleted again. Answers the mandate found.
 */
export async function eraseIfOvertaken(ports: MandatePorts, projectKey: string, erasure: number): Promise<Mandate> {
  const mandate = await mandateOf(ports, projectKey, erasure);
  if (mandate === 'erased') await ports.storedProjects.erase(projectKey);
  return mandate;
}

function guardWrites<T extends object>(target: T, writes: readonly string[], confirm: () => Promise<void>): T {
  return new Proxy(target, {
    get(object, property) {
      const member = Reflect.get(object, property, object) as unknown;
      if (typeof member !== 'function') return member;
      const bound = (member as (...args: unknown[]) => unknown).bind(object);
      if (typeof property !== 'string' || !writes.includes(property)) return bound;
      return async (...args: unknown[]) => {
        await confirm();
        return bound(...args);
      };
    },
  });
}
