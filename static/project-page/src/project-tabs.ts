import { namesAView, tabSlug } from './page-url';

/** The project page's tabs, in the order they are shown; the first is the Overview. */
export const TAB_LABELS = ['Overview', 'Cycle time', 'Throughput', 'Flow', 'Aging', 'Forecast', 'Issues', 'Pull requests'] as const;

/** The tabs as the page's URL names them (`?tab=cycle-time`). */
export const TAB_SLUGS = TAB_LABELS.map(tabSlug);

/** Whether an address's search part names a view (a tab or filters) the Overview's figures do not answer. */
export const linkNamesAView = (search: string) => namesAView(search, TAB_SLUGS);
