/**
 * The Jira items a pull request names, read from its branch, title and commit messages, the way Jira's own
 * development panel links them: a project key, a hyphen, an issue number, standing as a word of its own.
 *
 * Branch names are often lower-case (`feature/flow-123-login`), so keys are matched in any case and answered
 * upper-case. That also matches words like `utf-8`, `iso-8601` or `sha-256`; such look-alikes are refused
 * unless the site really has a project with that key. When the caller knows the site's project keys, only
 * keys of those projects are kept at all.
 */

/**
 * A Jira project key starts with a letter and has at least two characters (letters, digits, underscore); the
 * issue number has no leading zero. Word boundaries are explicit so that `abcFLOW-1` or `FLOW-12x` match nothing;
 * an underscore may follow the number, as branch names write `FLOW-12_login`.
 */
const CANDIDATE = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]{1,254})-([1-9][0-9]{0,11})(?![A-Za-z0-9])/g;

/**
 * Words shaped like issue keys that name standards, encodings and algorithms. Refused unless the site has a
 * project of that key. One list, in upper case.
 */
const KEY_LOOKALIKES: ReadonlySet<string> = new Set([
  'UTF',
  'UTF8',
  'UCS',
  'ISO',
  'IEC',
  'IEEE',
  'RFC',
  'SHA',
  'MD',
  'AES',
  'RSA',
  'ECDSA',
  'HMAC',
  'CVE',
  'CWE',
  'GHSA',
  'TLS',
  'SSL',
  'HTTP',
  'X',
  'EN',
  'DIN',
  'ECMA',
  'ES',
  'PEP',
  'JSR',
  'WCAG',
  'BASE',
  'LATIN',
  'WINDOWS',
  'CP',
  'IPV',
  'COVID',
  'SARS',
  'TOP',
  'PAGE',
  'STEP',
  'PART',
  'V',
  'VERSION',
  'NODE',
  'PYTHON',
  'JAVA',
  'UBUNTU',
  'DEBIAN',
  'ARM',
  'AMD',
  'WIN',
  'X86',
  'I18N',
  'L10N',
  'A11Y',
  'K8S',
  'H',
  'MP',
  'MPEG',
  'P',
  'PT',
  'RGB',
  'ES6',
]);

export interface KeyExtractionOptions {
  /**
   * The site's project keys (upper-case). When given, only keys of these projects are answered; when null
   * (the project list is unknown, as in an offline export), every candidate but the look-alikes is.
   */
  knownProjects: ReadonlySet<string> | null;
}

/** Distinct issue keys named anywhere in `texts`, upper-case, in order of first mention. */
export function extractJiraKeys(texts: Iterable<string | null | undefined>, options: KeyExtractionOptions): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(CANDIDATE)) {
      const project = match[1]!.toUpperCase();
      const key = `${project}-${match[2]}`;
      if (found.has(key)) continue;
      if (options.knownProjects) {
        if (options.knownProjects.has(project)) found.add(key);
      } else if (!KEY_LOOKALIKES.has(project)) {
        found.add(key);
      }
    }
  }
  return [...found];
}

/** The project part of an issue key (`FLOW-12` → `FLOW`). */
export function projectOfKey(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'));
}
