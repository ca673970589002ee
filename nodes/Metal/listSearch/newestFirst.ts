import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { textKey } from '../fields/sameText';
import type { Records } from '../resources/records';
import { MetalClient } from '../transport/client';
import { LIST_PAGE_SIZE } from '../transport/pagination';

/** Records per request while the user only scrolls. */
const PAGE_SIZE = 100;

/** With a filter, matches may be rare: whole pages, a few per call, until a screenful is found. */
const FILTERED_PAGES = 5;
const SCREENFUL = 20;

/**
 * "From List" of records that Metal lists but cannot search by a documented schema: the list,
 * newest first, a page further (the `lt` cursor, the last id read) each time the user scrolls to
 * the end; what the user types is matched against the record's names here, ignoring case.
 */
export function newestFirstPicker(
	{ noun, path }: Records,
	names: (record: IDataObject) => unknown[],
) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const client = await MetalClient.create(this, { caller: 'editor' });
		const metal = client.bind({ kind: 'read', noun });
		const wanted = textKey(filter ?? '');
		const limit = wanted ? LIST_PAGE_SIZE : PAGE_SIZE;
		const results: INodeListSearchItems[] = [];
		let lt = paginationToken || undefined;
		for (let pages = 0; pages < (wanted ? FILTERED_PAGES : 1); pages++) {
			const { entries } = await metal.page({
				method: 'GET',
				path,
				qs: { limit, ...(lt ? { lt } : {}) },
			});
			for (const record of entries) {
				if (typeof record.id !== 'string') continue;
				const texts = names(record).filter((n): n is string => typeof n === 'string' && !!n);
				if (wanted && !texts.some((n) => textKey(n).includes(wanted))) continue;
				results.push({ name: texts[0] ?? record.id, value: record.id });
			}
			const last = entries[entries.length - 1]?.id;
			// The end of the list, or a server that ignores the cursor.
			if (entries.length < limit || typeof last !== 'string' || last === lt) return { results };
			lt = last;
			if (results.length >= SCREENFUL) break;
		}
		return { results, paginationToken: lt };
	};
}
