import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The browser for end-to-end tests: Debian's Chromium (or any Chrome/Chromium on the machine, or
 * CHROME_PATH). Where there is none and we are root with apt, Chromium is installed first; otherwise the test
 * fails with the command to run. Browser tests never skip silently.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

function findChromium(): string | null {
  const fromEnvironment = process.env.CHROME_PATH;
  if (fromEnvironment && existsSync(fromEnvironment)) return fromEnvironment;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

function canInstallWithApt(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (!canInstallWithApt()) {
    throw new Error(
      `End-to-end tests need Chromium or Chrome and none was found. Install it with:\n  ${INSTALL_COMMAND}\nor point CHROME_PATH at a Chrome binary.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but no binary was found; try: ${INSTALL_COMMAND}`);
  return installed;
}

/** Flags that keep headless Chromium off the network it cannot reach and out of the sandbox root cannot use. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
