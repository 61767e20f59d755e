import { view } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompactHistory } from '../../../src/domain';
import { heldHistoryAfter, wholeHistoryPart, type HeldHistory } from '../../../src/shared/project-history-decoding';
import { openHeldHistories, readHeldHistory, writeHeldHistory } from './held-history-cache';
import { historyDecoder, type HistoryDecoder } from './history-decoder';
import { openPageHistory, type PageHistory } from './page-history';
import { PREFETCH_MAX_ISSUES } from './history-prefetch';
import { startReportWorkerAhead } from './report-worker-start';
import { startHistoryDecodingWorker } from './history-decoding-worker-start';
import type {
  ProjectHistoryPart,
  ProjectOverviewPart,
  ProjectViewData,
  ProjectViewPayload,
  ResolverError,
  ResolverResult,
} from '../../../src/shared/resolver-contract';
import { invoke } from '../../common/invoke-resolver';
import { StartedAhead } from '../../common/started-ahead';
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

/** What this browser holds of the project, and under which key: read once per load. */
interface Held {
  key: string;
  history: HeldHistory | null;
}

async function readHeld(): Promise<Held> {
  // The context and the database are asked for together: neither needs the other.
  const [key] = await Promise.all([heldKey(), openHeldHistories()]);
  return { key, history: await readHeldHistory(key) };
}

/**
 * The view one request starts (its parts asked for in order, the history decoded); null when the answer withholds
 * the history (`historyUpTo`: the other request brings it, or the project is too big to load before the reader asks;
 * `overviewOnly`: never in that answer). `asked` is the request when it was sent already (see `startFirstOpen`).
 */
async function viewFrom(
  held: Held,
  payload: ProjectViewPayload,
  asked: Promise<ResolverResult<ProjectViewData>> | null = null,
): Promise<ProjectViewState | null> {
  // A request that brings a history starts its decoding worker with it, and the report's worker, so their
  // scripts load meanwhile.
  const decoder = payload.overviewFirst ? null : historyDecoder(startHistoryDecodingWorker);
  if (decoder !== null) startReportWorkerAhead();
  try {
    const first = await (asked ?? invoke(GET_PROJECT_VIEW, payload));
    if (!first.ok) return { status: 'error', error: first.error };
    const view = first.data;
    if (view.historyWithheld) return null;
    if (view.overview !== undefined && view.history === null) return { status: 'overview', view, overview: view.overview };
    if (view.history === null) {
      await writeHeldHistory(held.key, null);
      return { status: 'ready', view, history: null };
    }
    return await decodedView(held, view, view.history, decoder ?? historyDecoder(startHistoryDecodingWorker));
  } finally {
    decoder?.stop();
  }
}

async function decodedView(
  held: Held,
  view: ProjectViewData,
  first: ProjectHistoryPart,
  decoder: HistoryDecoder,
): Promise<ProjectViewState> {
  const fetchPart = async (fromShard: number): Promise<ProjectHistoryPart> => {
    const part = await invoke(GET_PROJECT_VIEW, { fromShard });
    if (!part.ok) throw new PartFailed(part.error);
    if (part.data.history === null) throw new PartFailed(UNREADABLE);
    return part.data.history;
  };
  try {
    const next = heldHistoryAfter(await wholeHistoryPart(first, fetchPart), held.history);
    mark(HISTORY_FETCHED);
    const history = await decoder.decode(next);
    mark(HISTORY_DECODED);
    await writeHeldHistory(held.key, next.edits.length <= MAX_HELD_EDITS ? next : null);
    return { status: 'ready', view, history };
  } catch (cause) {
    await writeHeldHistory(held.key, null);
    return { status: 'error', error: cause instanceof PartFailed ? cause.error : UNREADABLE };
  } finally {
    decoder.stop();
  }
}

/** The whole view: a browser holding a history asks for the edits since, one holding none for the history. */
async function loadView(reading: Promise<Held> = readHeld()): Promise<ProjectViewState> {
  const held = await reading;
  return (await viewFrom(held, held.history ? { since: held.history.version } : {}))!;
}

/**
 * A first open: a browser holding a history asks for the edits since (the whole view, at once). One holding
 * none asks for the Overview's figures first (`overviewFirst`) and, when the page is shown, for the history of a
 * project small enough (`historyUpTo`, see history-prefetch.ts) in a request of its own sent at the same time, so
 * both load together; `ahead` is given that load, which ends in null for a bigger project (withheld: its history
 * waits for the reader to go further). Whichever request the resolver gives the history to brings it, once.
 */
async function firstOpen(
  ahead: (loading: Promise<ProjectViewState | null>) => void,
  reading: Promise<Held> = readHeld(),
  overviewAsked: Promise<ResolverResult<ProjectViewData>> | null = null,
): Promise<ProjectViewState> {
  const held = await reading;
  if (held.history) return (await viewFrom(held, { since: held.history.version }))!;
  // Shown or not as the page's script started, when it sent the Overview's request: hidden since, it still reads it.
  if (overviewAsked === null && document.visibilityState !== 'visible') return (await viewFrom(held, { overviewFirst: true }))!;
  const overview = viewFrom(held, FIRST_OVERVIEW, overviewAsked);
  const history = viewFrom(held, { historyUpTo: PREFETCH_MAX_ISSUES });
  ahead(history);
  // Withheld from the Overview's request: the history's own brings it (or, had the project grown past the limit
  // between the two, neither did, and it is asked for as a reader going further would).
  return (await overview) ?? (await history) ?? loadView();
}

/**
 * The Overview's request of a first open shown at once: its figures, never the history (`overviewOnly`), which
 * the history's own request brings (a bigger project whose summary is not current has it asked for once both
 * answered without it). It may leave before the page knows it is needed, and must then cost little.
 */
const FIRST_OVERVIEW: ProjectViewPayload = { overviewFirst: true, overviewOnly: true };

/** A first open started as the page's script starts (see `startFirstOpen`), until the page takes it. */
interface StartedOpen {
  /** The whole view when the page's address names one (`wantsHistory`), else the first open's. */
  view: Promise<ProjectViewState>;
  /** The history's own request of a first open, once sent (wrapped: a promise would adopt it); null when there is none. */
  ahead: Promise<{ loading: Promise<ProjectViewState | null> } | null>;
}
const startedOpen = new StartedAhead<StartedOpen>();
const startedPageHistory = new StartedAhead<Promise<PageHistory | null>>();

/**
 * Starts the project view's first load as the page's script starts, rather than once the page has drawn its
 * frame, asked for the project (`getProjectPage`) and mounted the metrics: the view's requests then go out
 * beside the project's, and the Overview and the history arrive one round trip sooner. `namesAView` says
 * whether the page's address names a view the Overview's figures cannot answer (the whole history is then
 * loaded, as `useProjectView` would with `wantsHistory`). The page takes this load when it first asks
 * (`useProjectView`, `startedPageHistoryOr`); a page that shows no metrics (a project not measured) leaves it,
 * having cost the few read units of the project's manifest and configuration.
 */
export function startFirstOpen(namesAView: (search: string) => Promise<boolean>): void {
  const pageHistory = openPageHistory();
  startedPageHistory.start(pageHistory);
  // What this browser holds is read meanwhile: the page's address and the held history are both asked of the host.
  const held = readHeld();
  // The Overview's request of a first open leaves now, before either is known: their answers wait for the page's
  // thread, which is busy loading the rest of the page until then (see first-requests.ts). A browser that turns out
  // to hold a history, or an address naming a view, leaves its answer unread: one call more, never a history.
  const overviewAsked = document.visibilityState === 'visible' ? invoke(GET_PROJECT_VIEW, FIRST_OVERVIEW) : null;
  let sentAhead: (sent: { loading: Promise<ProjectViewState | null> } | null) => void = () => {};
  const ahead = new Promise<{ loading: Promise<ProjectViewState | null> } | null>((resolve) => (sentAhead = resolve));
  const view = pageHistory.then(async (opened) =>
    opened !== null && (await namesAView(opened.location.search))
      ? loadView(held)
      : firstOpen((loading) => sentAhead({ loading }), held, overviewAsked),
  );
  void view.finally(() => sentAhead(null));
  startedOpen.start({ view, ahead });
}

/** The page's history the started first open asked for (see `startFirstOpen`), or `open()` when there is none. */
export function startedPageHistoryOr(open: () => Promise<PageHistory | null>): Promise<PageHistory | null> {
  return startedPageHistory.take() ?? open();
}

/**
 * Loads the project view and decodes it; `reload` starts over. A first open may get the Overview's figures
 * only (status `overview`); `loadHistory` then loads the whole history in the background, the overview staying
 * until it is ready (and giving way to the error if it fails, since the reader asked for more).
 * A new `dataVersion` (the time of the last successful sync) loads it again in the background: the
 * current charts stay until the new history is ready, and stay if loading it fails. `wantsHistory` asks for
 * the history from the start (the reader opened a link to a view the figures do not answer).
 * A first open shown at once loads the history of a small project with the Overview's figures (see `firstOpen`);
 * `prefetchHistory` starts loading it while the figures are shown (a page first opened in a background tab),
 * without showing it. When the reader goes further, `loadHistory` takes that load (finished or still under way)
 * instead of asking again, so each history is fetched once per page open. A load ahead that fails is forgotten:
 * going further tries again.
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
  // Null once it ends withheld (a project too big to load before the reader asks).
  const historyLoad = useRef<{ key: string; loading: Promise<ProjectViewState | null> } | null>(null);
  const [ahead, setAhead] = useState<{ key: string; loaded: LoadedView } | null>(null);
  const loadHistoryOnce = useCallback((key: string): Promise<ProjectViewState> => {
    const started = historyLoad.current?.key === key ? historyLoad.current.loading : null;
    // A load ahead that ended withheld has been forgotten by then (see `takeAhead`): the reader's asks anew.
    if (started !== null) return started.then((next) => next ?? loadHistoryOnce(key));
    const loading = loadView();
    historyLoad.current = { key, loading };
    return loading;
  }, []);
  /** A load of the history the reader has not asked for: kept for when they do, forgotten if it fails or is withheld. */
  const takeAhead = useCallback((key: string, loading: Promise<ProjectViewState | null>) => {
    historyLoad.current = { key, loading };
    void loading.then((next) => {
      if ((next === null || next.status === 'error') && historyLoad.current?.loading === loading) historyLoad.current = null;
      if (next?.status === 'ready' && loadKey.current === key) setAhead({ key, loaded: next });
    });
  }, []);

  useEffect(() => {
    // The ref object, not its value, is what the cleanup needs: it counts calls made after this one.
    const calls = latest;
    const call = ++calls.current;
    const showing = shown.current.status;
    const inBackground = shown.current.attempt === attempt && (showing === 'ready' || showing === 'overview');
    shown.current.attempt = attempt;
    if (!inBackground) setState({ status: 'loading' });
    const key = `${attempt}|${dataVersion ?? ''}`;
    // The load the page's script started, taken by the first call only.
    const started = startedOpen.take() ?? null;
    const load = () => (historyWanted ? loadHistoryOnce(key) : firstOpen((history) => takeAhead(key, history)));
    let loading: Promise<ProjectViewState>;
    if (started === null) loading = load();
    else {
      if (historyWanted) historyLoad.current = { key, loading: started.view };
      void started.ahead.then((sent) => sent !== null && takeAhead(key, sent.loading));
      // Started before the page knew the project's last sync: a view of another sync (the page waited for the
      // project's first sync to finish, or a sync finished in between) or a failure is asked for again.
      loading = started.view.then((next) => {
        if ((next.status === 'overview' || next.status === 'ready') && next.view.sync.lastSuccessAt === dataVersion) return next;
        historyLoad.current = null;
        return load();
      });
    }
    void loading.then((next) => {
      if (call !== calls.current) return;
      // A failed refresh keeps what is shown, unless the reader asked for the history and it failed.
      if (inBackground && next.status === 'error' && !(historyWanted && shown.current.status === 'overview')) return;
      setState(next);
    });
    return () => {
      calls.current++;
    };
  }, [attempt, dataVersion, historyWanted, loadHistoryOnce, takeAhead]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const loadHistory = useCallback(() => setHistoryWanted(true), []);
  const prefetchHistory = useCallback(() => {
    if (shown.current.status !== 'overview') return;
    const key = loadKey.current;
    if (historyLoad.current?.key !== key) takeAhead(key, loadView());
  }, [takeAhead]);
  const loadedAhead = state.status === 'overview' && ahead?.key === loadKey.current ? ahead.loaded : null;
  return { state, reload, loadHistory, prefetchHistory, loadedAhead, historyWanted };
}
