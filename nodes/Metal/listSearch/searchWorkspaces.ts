import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MetalClient } from '../transport/client';
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
	const client = await MetalClient.create(this, { caller: 'editor' });
	const page = Number(paginationToken ?? 1);
	const { entries, metadata } = await client
		.bind({ kind: 'read', noun: 'workspace' })
		.page({ method: 'POST', path: SEARCH_PATH, body: { query: filter, page, limit: PAGE_SIZE } });
	const { totalPages } = metadata;
	const hasMore = typeof totalPages === 'number' ? page < totalPages : entries.length === PAGE_SIZE;
	return {
		results: entries.map((workspace) => ({
			name: pickerLabel(workspace),
			value: String(workspace.id),
		})),
		paginationToken: hasMore ? String(page + 1) : undefined,
	};
}

function pickerLabel(workspace: IDataObject): string {
	const name =
		typeof workspace.name === 'string' && workspace.name ? workspace.name : String(workspace.id);
	return typeof workspace.company === 'string' && workspace.company
		? `${name} (${workspace.company})`
		: name;
}
