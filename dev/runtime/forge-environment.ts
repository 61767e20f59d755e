/**
 * The app's Forge environment variables (`forge variables set [--encrypt] NAME value`), which Forge hands
 * the app as `process.env`. Locally the app shares the platform's process, so the variables are set on
 * `process.env` while the platform is installed and the previous values are put back afterwards.
 */
export class ForgeEnvironment {
  private readonly previous = new Map<string, string | undefined>();

  /** Sets (or, with undefined, unsets) a variable, as `forge variables set` / `unset` and a redeploy would. */
  set(name: string, value: string | undefined): void {
    if (!this.previous.has(name)) this.previous.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }

  apply(variables: Record<string, string>): void {
    for (const [name, value] of Object.entries(variables)) this.set(name, value);
  }

  restore(): void {
    for (const [name, value] of this.previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    this.previous.clear();
  }
}
