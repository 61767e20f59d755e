/**
 * Keeps the emulator's data in one JSON file, written atomically and coalesced.
 *
 * Why this shape:
 *  - Atomic: the data goes to a temporary file beside the target, is synced, then renamed over it. A crash
 *    or a kill mid-write leaves either the old file or the new one, never half of one.
 *  - Coalesced: a sync job can make thousands of writes a second; rewriting the file for each would make
 *    the emulator, not the app, the bottleneck of every benchmark. Changes mark the file dirty and one
 *    write follows `debounceMs` later with whatever the state is then. `flush()` writes at once.
 *  - Serialised: writes run one after another, so an older snapshot can never land after a newer one.
 *  - Private: the file holds secrets, so it is created readable by its owner only.
 *  - Not lost on a normal exit: the pending debounce timer is not unref'd, so Node waits for the write
 *    before exiting. A platform that stops on a signal should still call `flush()` first.
 */
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export class SnapshotFile {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private chain: Promise<void> = Promise.resolve();
  private lastError: Error | undefined;
  private tmpCounter = 0;

  constructor(
    readonly path: string,
    private readonly produce: () => string,
    private readonly debounceMs: number,
  ) {}

  /** The file's parsed JSON, or undefined when there is no file yet. A corrupt file is an error, not "empty". */
  load(): unknown {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`KVS emulator data file ${this.path} is not valid JSON: ${(error as Error).message}`);
    }
  }

  /** Notes that the data changed; a write follows after the debounce delay. */
  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    if (this.debounceMs <= 0) {
      this.enqueueWrite();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.enqueueWrite();
    }, this.debounceMs);
  }

  /** Writes anything pending and waits for every write so far; rethrows a failed background write. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.dirty) this.enqueueWrite();
    await this.chain;
    if (this.lastError !== undefined) {
      const error = this.lastError;
      this.lastError = undefined;
      throw error;
    }
  }

  private enqueueWrite(): void {
    this.chain = this.chain.then(() => this.writeNow());
  }

  private async writeNow(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const tmp = `${this.path}.${process.pid}.${++this.tmpCounter}.tmp`;
    try {
      const text = this.produce();
      await mkdir(dirname(this.path), { recursive: true });
      const handle = await open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.path);
      // A later successful write supersedes an earlier failure: the file now holds everything.
      this.lastError = undefined;
    } catch (error) {
      // Keep the data marked dirty so the next flush retries, and report the failure to that flush.
      this.dirty = true;
      this.lastError = error instanceof Error ? error : new Error(String(error));
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }
}
