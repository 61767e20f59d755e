import { view } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompactHistory } from '../../../src/domain';
import { heldHistoryAfter, wholeHistoryPart } from '../../../src/shared/project-history-decoding';
import { readHeldHistory, writeHeldHistory } from './held-history-cache';
import { historyDecoder } from './history-decoder';
import { startHistoryDecodingWorker } from './history-decoding-worker-start';
import type { ProjectHistoryPart, ProjectOverviewPart, ProjectViewData, ResolverError } from '../../../src/shared/resolver-contract';
import { invoke } from '../../common/invoke-resolver';
import { HISTORY_DECODED, HISTORY_FETCHED } from './history-load-marks';

/** The resolver function that sends the stored history, workflow and configuration, in parts. */
export const GET_PROJECT_VIEW = 'getProjectView';

export type ProjectViewState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  /** The Overview tab's figures only: the history is loaded when the reader goes further (`loadHistory`). */
  | { status: 'overview'; view: ProjectViewData; overview: ProjectOverviewPart }
  | { status: 'ready'; view: ProjectViewData; history: CompactHistory | null };

/** A view whose history has been loaded. */
export type LoadedView = Extract<ProjectViewState, { status: 'ready' }>;

class PartFailed extends Error {
  constructor(readonly error: ResolverError) {
    super(error.message);
  }
}

const UNREADABLE: ResolverError = {
  code: 'INTERNAL',
  message: "This project's stored history could not be read. Try again; if it persists, ask an admin to sync the project again.",
};

function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

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

/**
 * A browser holding a history asks for the edits since; one holding none asks for the Overview's figures
 * first (`overviewFirst`) unless the reader has asked for more, and is sent the history when they cannot be.
 */
async function loadView(overviewFirst: boolean): Promise<ProjectViewState> {
  const HELD_KEY = await heldKey();
  const held = await readHeldHistory(HELD_KEY);
  const first = await invoke(GET_PROJECT_VIEW, held ? { since: held.version } : overviewFirst ? { overviewFirst } : {});
  if (!first.ok) return { status: 'error', error: first.error };
  const view = first.data;
  if (view.overview !== undefined && view.history === null) return { status: 'overview', view, overview: view.overview };
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
  // The page fetches the parts; the decoding, the costly step, runs in a worker started now, whose script
  // loads while the parts arrive.
  const decoder = historyDecoder(startHistoryDecodingWorker);
  try {
    const next = heldHistoryAfter(await wholeHistoryPart(view.history, fetchPart), held);
    mark(HISTORY_FETCHED);
    const history = await decoder.decode(next);
    mark(HISTORY_DECODED);
    await writeHeldHistory(HELD_KEY, next.edits.length <= MAX_HELD_EDITS ? next : null);
    return { status: 'ready', view, history };
  } catch (cause) {
    await writeHeldHistory(HELD_KEY, null);
    return { status: 'error', error: cause instanceof PartFailed ? cause.error : UNREADABLE };
  } finally {
    decoder.stop();
  }
}

/**
 * Loads the project view and decodes it; `reload` starts over. A first open may get the Overview's figures
 * only (status `overview`); `loadHistory` then loads the whole history in the background, the overview staying
 * until it is ready (and giving way to the error if it fails, since the reader asked for more).
 * A new `dataVersion` (the time of the last successful sync) loads it again in the background: the
 * current charts stay until the new history is ready, and stay if loading it fails. `wantsHistory` asks for
 * the history from the start (the reader opened a link to a view the figures do not answer).
 * `prefetchHistory` starts loading the history while the Overview's figures are shown, without showing it: when
 * the reader goes further, `loadHistory` takes that load (finished or still under way) instead of asking again,
 * so each history is fetched once per page open. A prefetch that fails is forgotten: going further tries again.
 */
export function useProjectView(
  dataVersion: string | null = null,
  wantsHistory = false,
): {
  state: ProjectViewState;
  reload: () => void;
  loadHistory: () => void;
  prefetchHistory: () => void;
  /** The history loaded ahead while the Overview's figures are shown, once it is loaded; null before, and after. */
  loadedAhead: LoadedView | null;
  historyWanted: boolean;
} {
  const [state, setState] = useState<ProjectViewState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [historyWanted, setHistoryWanted] = useState(wantsHistory);
  const latest = useRef(0);
  const shown = useRef<{ attempt: number; status: ProjectViewState['status'] }>({ attempt: -1, status: 'loading' });
  shown.current.status = state.status;
  // The history's load for this attempt and data version, once started (by a prefetch or by the reader).
  const loadKey = useRef('');
  loadKey.current = `${attempt}|${dataVersion ?? ''}`;
  const historyLoad = useRef<{ key: string; loading: Promise<ProjectViewState> } | null>(null);
  const [ahead, setAhead] = useState<{ key: string; loaded: LoadedView } | null>(null);
  const loadHistoryOnce = useCallback((key: string): Promise<ProjectViewState> => {
    if (historyLoad.current?.key === key) return historyLoad.current.loading;
    const loading = loadView(false);
    historyLoad.current = { key, loading };
    return loading;
  }, []);

  useEffect(() => {
    // The ref object, not its value, is what the cleanup needs: it counts calls made after this one.
    const calls = latest;
    const call = ++calls.current;
    const showing = shown.current.status;
    const inBackground = shown.current.attempt === attempt && (showing === 'ready' || showing === 'overview');
    shown.current.attempt = attempt;
    if (!inBackground) setState({ status: 'loading' });
    void (historyWanted ? loadHistoryOnce(`${attempt}|${dataVersion ?? ''}`) : loadView(true)).then((next) => {
      if (call !== calls.current) return;
      // A failed refresh keeps what is shown, unless the reader asked for the history and it failed.
      if (inBackground && next.status === 'error' && !(historyWanted && shown.current.status === 'overview')) return;
      setState(next);
    });
    return () => {
      calls.current++;
    };
  }, [attempt, dataVersion, historyWanted, loadHistoryOnce]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loadHistory = useCallback(() => setHistoryWanted(true), []);
  const prefetchHistory = useCallback(() => {
    if (shown.current.status !== 'overview') return;
    const key = loadKey.current;
    const loading = loadHistoryOnce(key);
    void loading.then((next) => {
      if (next.status === 'error' && historyLoad.current?.loading === loading) historyLoad.current = null;
      if (next.status === 'ready' && loadKey.current === key) setAhead({ key, loaded: next });
    });
  }, [loadHistoryOnce]);
  const loadedAhead = state.status === 'overview' && ahead?.key === loadKey.current ? ahead.loaded : null;
  return { state, reload, loadHistory, prefetchHistory, loadedAhead, historyWanted };
}
