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
 */
export class AppLogs {
  private readonly lines: AppLogLine[] = [];
  private restore: (() => void) | null = null;

  constructor(private readonly echo: boolean) {}

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

  clear(): void {
    this.lines.length = 0;
  }
}
