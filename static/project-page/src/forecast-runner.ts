import type { CompactHistory, ForecastQuestions, ForecastSection, ItemSelection, ReportModel, Workflow } from '../../../src/domain';

/** What the page sends the forecast worker: the history once, then questions. */
export type ForecastMessage =
  | { kind: 'history'; history: CompactHistory; workflow: Workflow; flowConfig: unknown; now: number }
  | { kind: 'question'; id: number; selection: ItemSelection; questions: ForecastQuestions };

export type ForecastAnswer = { id: number; ok: true; forecast: ForecastSection } | { id: number; ok: false; message: string };

/** The forecast for some items (issue types and facets) and questions, computed without holding up the page. */
export interface ForecastRunner {
  ask(selection: ItemSelection, questions: ForecastQuestions): Promise<ForecastSection>;
  /** Ends the worker, if there is one. */
  stop(): void;
}

/** The part of a `Worker` the runner uses. */
export interface ForecastWorker {
  postMessage(message: ForecastMessage): void;
  onmessage: ((event: MessageEvent<ForecastAnswer>) => void) | null;
  terminate(): void;
}

/**
 * Answers forecast questions in a worker when the browser gives one (`createWorker`), so a long simulation
 * never blocks the page; otherwise (a test's DOM without workers, or a browser that refuses one) on the
 * page's own thread, after the next paint, from the same model, so the question is answered all the same.
 */
export function forecastRunner(
  model: ReportModel,
  source: { history: CompactHistory; workflow: Workflow; flowConfig: unknown; now: number },
  createWorker: () => ForecastWorker | null,
): ForecastRunner {
  let worker: ForecastWorker | null | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (forecast: ForecastSection) => void; reject: (error: Error) => void }>();

  const started = (): ForecastWorker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = createWorker();
    } catch {
      worker = null;
    }
    if (worker !== null) {
      worker.onmessage = ({ data }) => {
        const call = waiting.get(data.id);
        waiting.delete(data.id);
        if (call === undefined) return;
        if (data.ok) call.resolve(data.forecast);
        else call.reject(new RangeError(data.message));
      };
      worker.postMessage({ kind: 'history', ...source });
    }
    return worker;
  };

  return {
    ask(selection, questions) {
      const running = started();
      if (running === null) {
        return new Promise((resolve, reject) =>
          setTimeout(() => {
            try {
              resolve(model.forecastFor(selection, questions));
            } catch (cause) {
              reject(cause instanceof Error ? cause : new Error(String(cause)));
            }
          }, 0),
        );
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        running.postMessage({ kind: 'question', id, selection: itemsOf(selection), questions });
      });
    },
    stop() {
      worker?.terminate();
      for (const call of waiting.values()) call.reject(new Error('The forecast was stopped.'));
      waiting.clear();
    },
  };
}

/** Only the selection's lists, as plain arrays: what a worker message can carry (a page's filters hold more). */
function itemsOf(selection: ItemSelection): ItemSelection {
  const { issueTypes, resolutions, labels, components, parents } = selection;
  return {
    issueTypes: [...issueTypes],
    resolutions: [...(resolutions ?? [])],
    labels: [...(labels ?? [])],
    components: [...(components ?? [])],
    parents: [...(parents ?? [])],
  };
}
