import type { IDataObject } from 'n8n-workflow';

import type { ItemRequests, Page } from './requests';

/** Metal documents no maximum page size for searches (the default is 20); 50 keeps pages small. */
export const SEARCH_PAGE_SIZE = 50;

/** The largest page a list endpoint serves (`limit` is clamped to 1–1000). */
export const LIST_PAGE_SIZE = 1_000;

/**
 * However an answer misbehaves (a server that ignores `page`, reorders results or lies about
 * `totalPages`), one item never reads more than this many pages nor outputs more results.
 */
export const PAGING_BOUNDS = { maxPages: 1_000, maxResults: 50_000 };

/** The last numbered page Metal serves on its lists (`page` 1–100). */
const OLDEST_FIRST_PAGES = 100;

export interface Collect {
	/** The most results to return; undefined for all of them. */
	max?: number;
	/** Only entries this accepts are returned and counted towards `max` (filters Metal lacks). */
	keep?: (entry: IDataObject) => boolean;
	/**
	 * Stops at the first entry this accepts, which is left out with everything after it: a
	 * watermark, for a list read newest first down to where a poll stopped last time.
	 */
	until?: (entry: IDataObject) => boolean;
	/** What the error says when the bounds are met, for an operation other than Return All. */
	tooMany?: { message: string; description: string };
}

/** Every result of a Metal search (`POST /v1/<resource>/search`), up to `max`. */
export async function searchAll(
	requests: ItemRequests,
	path: string,
	{ query, ...options }: Collect & { query: string },
): Promise<IDataObject[]> {
	// The page size stays the same on every page: Metal computes offsets as page × limit.
	const { max } = options;
	const limit = max === undefined ? SEARCH_PAGE_SIZE : Math.min(SEARCH_PAGE_SIZE, max);
	// A result is the same as one before only when it is the same whole: results of a search need
	// not be records with their own IDs (a document's passages may share the document's).
	return await collect(
		requests,
		limit,
		{ ...options, sameAs: (entry) => JSON.stringify(entry) },
		async (page) => await requests.page({ method: 'POST', path, body: { query, page, limit } }),
	);
}

/**
 * Every entry of a Metal list (`GET /v1/deals`, `/v1/companies`), newest first by default, up to
 * `max` kept entries. Newest first pages with the `lt` cursor (stable while records are added);
 * oldest first pages with `page`, which Metal serves up to page 100.
 */
export async function listAll(
	requests: ItemRequests,
	path: string,
	{ direction = 'desc', ...options }: Collect & { direction?: 'asc' | 'desc' },
): Promise<IDataObject[]> {
	// With a filter, matches may be few per page: read whole pages.
	const limit = options.keep
		? LIST_PAGE_SIZE
		: Math.min(LIST_PAGE_SIZE, options.max ?? LIST_PAGE_SIZE);
	// Metal serves numbered pages up to page 100 only: oldest first stops there, and says so.
	const bounds =
		direction === 'asc'
			? {
					maxPages: OLDEST_FIRST_PAGES,
					tooMany: options.tooMany ?? {
						message: `Oldest First stopped after Metal's last numbered page (${OLDEST_FIRST_PAGES})`,
						description:
							'Metal serves its numbered pages up to page 100. Use Newest First to read every record, or set a Limit or filters that need fewer pages.',
					},
				}
			: {};
	return await collect(requests, limit, { ...options, ...bounds }, async (page, lastId) => {
		const qs: IDataObject =
			direction === 'desc'
				? { limit, ...(lastId ? { lt: lastId } : {}) }
				: { limit, page, direction };
		return await requests.page({ method: 'GET', path, qs });
	});
}

/**
 * Reads page after page until one of: enough results; the `until` entry; the last page by
 * `metadata.totalPages` or `totalCount`, or, without them, a short page; a page that brings no entry
 * not seen before (an empty one, or a server that ignores the page or cursor). Past the bounds, the
 * item fails with an error saying so.
 */
async function collect(
	{ error }: Pick<ItemRequests, 'error'>,
	limit: number,
	{
		max,
		keep,
		until,
		tooMany: words,
		maxPages = PAGING_BOUNDS.maxPages,
		sameAs = (entry) => (typeof entry.id === 'string' ? entry.id : undefined),
	}: Collect & {
		maxPages?: number;
		/** What makes two entries the same, so that one read again is left out; by default the id. */
		sameAs?: (entry: IDataObject) => string | undefined;
	},
	fetchPage: (page: number, lastId: string | undefined) => Promise<Page>,
): Promise<IDataObject[]> {
	const tooMany = (what: string) =>
		words
			? error(words.message, words.description)
			: error(
					`Return All stopped after ${what}`,
					'The node reads at most this much for one item, so that a run cannot go on without end. Turn off Return All and set a Limit, or narrow what the item asks for.',
				);
	const found: IDataObject[] = [];
	const seen = new Set<string>();
	let lastId: string | undefined;
	for (let page = 1; ; page++) {
		if (page > maxPages) throw tooMany(`${count(maxPages)} pages`);
		const { entries, metadata } = await fetchPage(page, lastId);
		let fresh = 0;
		for (const entry of entries) {
			if (until?.(entry)) return found;
			const key = sameAs(entry);
			if (key !== undefined) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			fresh++;
			if (keep && !keep(entry)) continue;
			found.push(entry);
			if (found.length === max) return found;
			if (found.length > PAGING_BOUNDS.maxResults) {
				throw tooMany(`${count(PAGING_BOUNDS.maxResults)} results`);
			}
		}
		const last = entries[entries.length - 1]?.id;
		if (typeof last === 'string') lastId = last;
		// What Metal says of its pages wins over a short page: it may serve fewer than asked for.
		const pages = pageCount(metadata, limit);
		if (fresh === 0 || (pages === undefined ? entries.length < limit : page >= pages)) {
			return found;
		}
	}
}

/**
 * The number of pages by `totalPages`, or else by `totalCount` over the page size Metal served
 * (`metadata.limit`, which may be below the one asked for), when Metal sends them.
 */
function pageCount(metadata: IDataObject, asked: number): number | undefined {
	const { totalPages, totalCount, limit } = metadata;
	if (typeof totalPages === 'number' && totalPages >= 0) return totalPages;
	const served = typeof limit === 'number' && limit >= 1 ? limit : asked;
	if (typeof totalCount === 'number' && totalCount >= 0) return Math.ceil(totalCount / served);
	return undefined;
}

const count = (n: number) => n.toLocaleString('en-US');
