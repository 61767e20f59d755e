/**
 * Work a page's script starts before its components exist (a resolver's answer, the host's theming, the project
 * view's first load), so that it travels while the browser loads and runs them. Its first reader takes it; any
 * later reader, or one for which nothing was started, does without it (and asks anew).
 *
 * One per kind of work; `key` tells apart the calls of one kind (a resolver function and its payload).
 */
export class StartedAhead<T> {
  readonly #started = new Map<string, T>();

  start(work: T, key = ''): void {
    this.#started.set(key, work);
  }

  /** The work started under `key`, taken once: undefined when none was started or it is taken already. */
  take(key = ''): T | undefined {
    const work = this.#started.get(key);
    this.#started.delete(key);
    return work;
  }
}
