import { format } from 'node:util';
import { currentInvocation } from './invocation';

export interface AppLogLine {
  at: string;
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  functionKey: string;
  invocationId: string;
  message: string;
}

/**
 * What the app writes to the console while it runs, kept per invocation as Forge's log view keeps it.
 * Tests read these lines to prove nothing secret is ever logged. Platform output is not captured.
 *
 * Forge's log limits hold: an invocation keeps at most `logLinesPerRuntimeMinute` lines per minute of its
 * run time and `logBytesPerInvocation` of text; what is beyond is dropped, as on Forge, and counted in
 * `dropped()` so a test can show the app logs little.
 */
export class AppLogs {
  private readonly lines: AppLogLine[] = [];
  private readonly usage = new Map<string, { bytes: number; linesByMinute: Map<number, number> }>();
  private droppedLines: Array<{ functionKey: string; invocationId: string; reason: 'lines-per-minute' | 'bytes-per-invocation' }> = [];
  private restore: (() => void) | null = null;

  constructor(
    private readonly echo: boolean,
    private readonly limits: { logLinesPerRuntimeMinute: number; logBytesPerInvocation: number } = {
      logLinesPerRuntimeMinute: Number.POSITIVE_INFINITY,
      logBytesPerInvocation: Number.POSITIVE_INFINITY,
    },
  ) {}

  capture(): void {
    if (this.restore) return;
    const levels = ['log', 'info', 'warn', 'error', 'debug'] as const;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back, and always called with console as `this`
    const originals = levels.map((level) => [level, console[level]] as const);
    for (const [level, original] of originals) {
      console[level] = (...args: unknown[]) => {
        const invocation = currentInvocation();
        if (!invocation) return original.apply(console, args);
        const line: AppLogLine = {
          at: new Date().toISOString(),
          level,
          functionKey: invocation.functionKey,
          invocationId: invocation.id,
          message: format(...args),
        };
        const used = this.usage.get(invocation.id) ?? { bytes: 0, linesByMinute: new Map<number, number>() };
        this.usage.set(invocation.id, used);
        const minute = Math.floor((Date.now() - invocation.startedAt) / 60_000);
        const linesThisMinute = used.linesByMinute.get(minute) ?? 0;
        const bytes = Buffer.byteLength(line.message, 'utf8');
        if (linesThisMinute >= this.limits.logLinesPerRuntimeMinute || used.bytes + bytes > this.limits.logBytesPerInvocation) {
          const reason = linesThisMinute >= this.limits.logLinesPerRuntimeMinute ? 'lines-per-minute' : 'bytes-per-invocation';
          this.droppedLines.push({ functionKey: invocation.functionKey, invocationId: invocation.id, reason });
          return;
        }
        used.linesByMinute.set(minute, linesThisMinute + 1);
        used.bytes += bytes;
        this.lines.push(line);
        if (this.echo) original.call(console, `  app ${invocation.functionKey}: ${line.message}`);
      };
    }
    this.restore = () => {
      for (const [level, original] of originals) console[level] = original;
    };
  }

  release(): void {
    this.restore?.();
    this.restore = null;
  }

  all(): AppLogLine[] {
    return [...this.lines];
  }

  /** Lines Forge would have dropped for being over its log limits. */
  dropped(): Array<{ functionKey: string; invocationId: string; reason: 'lines-per-minute' | 'bytes-per-invocation' }> {
    return [...this.droppedLines];
  }

  /** Lines kept per invocation, most first: how much each run of a function logs. */
  linesPerInvocation(): Array<{ functionKey: string; invocationId: string; lines: number }> {
    const counts = new Map<string, { functionKey: string; invocationId: string; lines: number }>();
    for (const line of this.lines) {
      const entry = counts.get(line.invocationId) ?? { functionKey: line.functionKey, invocationId: line.invocationId, lines: 0 };
      entry.lines += 1;
      counts.set(line.invocationId, entry);
    }
    return [...counts.values()].sort((a, b) => b.lines - a.lines);
  }

  clear(): void {
    this.lines.length = 0;
    this.usage.clear();
    this.droppedLines = [];
  }
}
