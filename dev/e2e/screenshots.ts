import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Where the end-to-end tests keep their screenshots for a person to look at: test-results/ (ignored by git). */
const SCREENSHOTS = path.resolve(__dirname, '../..', 'test-results', 'screenshots');

/** Where to save the screenshot named `file` (with its `.png`), its folder made first if need be. */
export function screenshotPath(file: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, file);
}
