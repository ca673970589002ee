import type { IDataObject } from 'n8n-workflow';

import { unexpectedAnswerError } from './errors';
import { READ_RETRY_POLICY, type RetryPolicy } from './retryPolicy';
import type { MetalClient } from './transport';

/** Metal documents no maximum page size for searches (the default is 20); 50 keeps pages small. */
export const SEARCH_PAGE_SIZE = 50;

export interface SearchPage {
	results: IDataObject[];
	/** From `metadata.totalPages`, when Metal sends it. */
	totalPages?: number;
}

/** One page of a Metal search endpoint (`POST /v1/<resource>/search`), envelope checked. */
export async function searchPage(
	client: MetalClient,
	path: string,
	search: {
		query: string;
		page: number;
		limit: number;
		itemIndex?: number;
		stopping?: () => boolean;
	},
	policy: RetryPolicy = READ_RETRY_POLICY,
): Promise<SearchPage> {
	const { query, page, limit, itemIndex, stopping } = search;
	const body = { query, page, limit };
	const request = { method: 'POST' as const, path, body, itemIndex, stopping };
	const { data, metadata } = await client.request(request, policy);
	if (!Array.isArray(data)) throw unexpectedAnswerError(client.node, request);
	const totalPages = (metadata as IDataObject | undefined)?.totalPages;
	return {
		results: data as IDataObject[],
		totalPages: typeof totalPages === 'number' ? totalPages : undefined,
	};
}

/**
 * Pages through a search until `max` results (or all of them when `max` is undefined). Stops on the
 * last page by `metadata.totalPages`, on an empty page, on a page that repeats the one before (a
 * proxy that drops `page`), or, without metadata, on a short page: whichever comes first, so a
 * disagreement between the count and the data cannot loop.
 */
export async function searchAll(
	client: MetalClient,
	path: string,
	search: { query: string; max?: number; itemIndex?: number; stopping?: () => boolean },
): Promise<IDataObject[]> {
	const { query, max, itemIndex, stopping } = search;
	// The page size stays the same on every page: Metal computes offsets as page × limit.
	const limit = max === undefined ? SEARCH_PAGE_SIZE : Math.min(SEARCH_PAGE_SIZE, max);
	const found: IDataObject[] = [];
	let previousIds = '';
	for (let page = 1; ; page++) {
		const { results, totalPages } = await searchPage(client, path, {
			query,
			page,
			limit,
			itemIndex,
			stopping,
		});
		const ids = JSON.stringify(results.map((result) => result.id));
		if (ids === previousIds) break;
		previousIds = ids;
		found.push(...results);
		const enough = max !== undefined && found.length >= max;
		const lastPage = totalPages === undefined ? results.length < limit : page >= totalPages;
		if (enough || lastPage || results.length === 0) break;
	}
	return max === undefined ? found : found.slice(0, max);
}
