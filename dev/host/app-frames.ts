import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The app's Custom UI frames. Each frame the host page opens gets an id that stands for who opened which
 * module where; the frame's files, its bridge calls and its context all hang off that id. Files are served
 * from the resource folder manifest.yml names, under the Content-Security-Policy Forge applies to Custom UI.
 */
/** Where in the app the page's address points, as Forge's `view.createHistory()` reports it (history v4 shape). */
export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
}

export interface AppFrame {
  id: string;
  moduleKey: string;
  resourcePath: string;
  accountId: string;
  project?: { id: string; key: string };
  theme: 'light' | 'dark';
  /** The app's part of the address the page was opened at; only full-page modules have one. */
  location?: AppLocation;
}

export class AppFrames {
  private readonly frames = new Map<string, AppFrame>();

  open(frame: Omit<AppFrame, 'id'>): AppFrame {
    const opened = { ...frame, id: randomUUID() };
    this.frames.set(opened.id, opened);
    // Old frames expire with the page that opened them; keep the registry bounded.
    if (this.frames.size > 500) this.frames.delete(this.frames.keys().next().value!);
    return opened;
  }

  get(id: string): AppFrame | undefined {
    return this.frames.get(id);
  }
}

/** Forge's Custom UI policy: scripts and styles from the app's own origin only, unless the manifest allows inline styles. */
export function customUiCsp(allowInlineStyles: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${allowInlineStyles ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Reads a file of a frame's resource folder, refusing paths that climb out of it. */
export async function readFrameFile(rootDir: string, frame: AppFrame, relativePath: string): Promise<Buffer | null> {
  const base = path.resolve(rootDir, frame.resourcePath);
  const target = path.resolve(base, relativePath || 'index.html');
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  try {
    return await readFile(target);
  } catch {
    return null;
  }
}

/** The bridge script must run before the app's bundle, exactly where Forge's host would make `__bridge` available. */
export function withBridgeScript(indexHtml: string): string {
  return indexHtml.replace(/<head>/i, '<head>\n<script src="/__forge/bridge.js"></script>');
}
