/**
 * GitHub's page-number paging for list endpoints: `per_page` (default 30, at most 100: larger values are
 * quietly cut to 100, as GitHub does) and `page` (from 1), with the other pages named in a `Link` header,
 * `<url>; rel="prev", <url>; rel="next", <url>; rel="last", <url>; rel="first"`. A single page carries no
 * `Link` header, and a page past the end is an empty list that still links back.
 */
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

export interface Page<T> {
  items: T[];
  /** The `Link` header, or null when everything fits on one page. */
  link: string | null;
}

/** GitHub reads a missing, non-numeric or non-positive `per_page` or `page` as the default. */
function positiveInteger(text: string | null, fallback: number): number {
  if (text === null || !/^\s*\d+\s*$/.test(text)) return fallback;
  const value = Number(text);
  return value >= 1 ? value : fallback;
}

export function pageOf<T>(items: readonly T[], url: URL): Page<T> {
  const perPage = Math.min(MAX_PER_PAGE, positiveInteger(url.searchParams.get('per_page'), DEFAULT_PER_PAGE));
  const page = positiveInteger(url.searchParams.get('page'), 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (lastPage === 1 && page === 1) return { items: slice, link: null };

  const linkTo = (target: number, rel: string) => {
    const other = new URL(url.toString());
    other.searchParams.set('page', String(target));
    return `<${other.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(linkTo(Math.min(page - 1, lastPage), 'prev'));
  if (page < lastPage) links.push(linkTo(page + 1, 'next'), linkTo(lastPage, 'last'));
  if (page > 1) links.push(linkTo(1, 'first'));
  return { items: slice, link: links.join(', ') };
}
