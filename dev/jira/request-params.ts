import { JiraHttpError } from './sim-http';

/** Reading query parameters the way Jira validates them: bad numbers are a 400, not a guess. */

export function integerParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) {
    throw new JiraHttpError(400, [`The value '${raw}' of the '${name}' parameter is not a valid number.`]);
  }
  return Number(raw);
}

/** Values of a repeatable, comma-separated parameter (`fields=a,b&fields=c`). */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function expandSet(value: string | undefined | null): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  );
}
