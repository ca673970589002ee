import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchPage } from '../shared/pagination';
import { MetalClient } from '../shared/transport';
import { SEARCH_PATH } from '../resources/workspace/search';

const PAGE_SIZE = 20;

/** "From List" of the Workspace picker: Metal's search, a page at a time as the user scrolls. */
export async function searchWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// Metal's search needs a query; the picker asks the user to type one first.
	if (!filter?.trim()) return { results: [] };
	const client = await MetalClient.create(this);
	const page = Number(paginationToken ?? 1);
	const { results, totalPages } = await searchPage(client, SEARCH_PATH, {
		query: filter,
		page,
		limit: PAGE_SIZE,
	});
	const hasMore = totalPages === undefined ? results.length === PAGE_SIZE : page < totalPages;
	return {
		results: results.map((workspace) => ({
			name: workspace.company ? `${workspace.name} (${workspace.company})` : String(workspace.name),
			value: String(workspace.id),
		})),
		paginationToken: hasMore ? String(page + 1) : undefined,
	};
}
