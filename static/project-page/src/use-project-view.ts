import { view } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompactHistory } from '../../../src/domain';
import { decodeProjectHistoryUpdate } from '../../../src/shared/project-history-decoding';
import { readHeldHistory, writeHeldHistory } from './held-history-cache';
import type { ProjectHistoryPart, ProjectViewData, ResolverError } from '../../../src/shared/resolver-contract';
import { invoke } from '../../common/invoke-resolver';

/** The resolver function that sends the stored history, workflow and configuration, in parts. */
export const GET_PROJECT_VIEW = 'getProjectView';

export type ProjectViewState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; view: ProjectViewData; history: CompactHistory | null };

class PartFailed extends Error {
  constructor(readonly error: ResolverError) {
    super(error.message);
  }
}

const UNREADABLE: ResolverError = {
  code: 'INTERNAL',
  message: "This project's stored history could not be read. Try again; if it persists, ask an admin to sync the project again.",
};

/** Edits a browser applies before it asks for the whole history again, which it then holds instead. */
const MAX_HELD_EDITS = 48;

/** Whose history of which project on which site: the app's frames on every site and project share one origin. */
async function heldKey(): Promise<string> {
  try {
    const context = (await view.getContext()) as { accountId?: string; cloudId?: string; extension?: { project?: { key?: string } } };
    return [context.cloudId, context.accountId, context.extension?.project?.key].join('/');
  } catch {
    return 'unknown';
  }
}

async function loadView(): Promise<ProjectViewState> {
  const HELD_KEY = await heldKey();
  const held = await readHeldHistory(HELD_KEY);
  const first = await invoke(GET_PROJECT_VIEW, held ? { since: held.version } : {});
  if (!first.ok) return { status: 'error', error: first.error };
  const view = first.data;
  if (view.history === null) {
    await writeHeldHistory(HELD_KEY, null);
    return { status: 'ready', view, history: null };
  }
  const fetchPart = async (fromShard: number): Promise<ProjectHistoryPart> => {
    const part = await invoke(GET_PROJECT_VIEW, { fromShard });
    if (!part.ok) throw new PartFailed(part.error);
    if (part.data.history === null) throw new PartFailed(UNREADABLE);
    return part.data.history;
  };
  try {
    const update = await decodeProjectHistoryUpdate(view.history, fetchPart, held);
    await writeHeldHistory(HELD_KEY, update.held.edits.length <= MAX_HELD_EDITS ? update.held : null);
    return { status: 'ready', view, history: update.history };
  } catch (cause) {
    await writeHeldHistory(HELD_KEY, null);
    return { status: 'error', error: cause instanceof PartFailed ? cause.error : UNREADABLE };
  }
}

/**
 * Loads the whole project view (every part of the history) and decodes it; `reload` starts over.
 * A new `dataVersion` (the time of the last successful sync) loads it again in the background: the
 * current charts stay until the new history is ready, and stay if loading it fails.
 */
export function useProjectView(dataVersion: string | null = null): { state: ProjectViewState; reload: () => void } {
  const [state, setState] = useState<ProjectViewState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const shown = useRef<{ attempt: number; ready: boolean }>({ attempt: -1, ready: false });
  shown.current.ready = state.status === 'ready';

  useEffect(() => {
    // The ref object, not its value, is what the cleanup needs: it counts calls made after this one.
    const calls = latest;
    const call = ++calls.current;
    const inBackground = shown.current.attempt === attempt && shown.current.ready;
    shown.current.attempt = attempt;
    if (!inBackground) setState({ status: 'loading' });
    void loadView().then((next) => {
      if (call !== calls.current || (inBackground && next.status === 'error')) return;
      setState(next);
    });
    return () => {
      calls.current++;
    };
  }, [attempt, dataVersion]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
