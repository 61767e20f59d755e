/**
 * What replaces a closed account's id wherever the app kept it, so the record of what happened survives
 * without the person. Deliberately not shaped like an accountId (it has a space), so nothing can mistake it
 * for one or try to report it.
 */
export const FORMER_USER = 'former user';
