import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { searchAll } from '../../shared/pagination';
import { requiredText, wholeNumber } from '../../shared/parameters';
import { readRequestOptions } from '../../shared/requestOptions';
import { runEachItem } from '../../shared/runEachItem';
import { MetalClient } from '../../shared/transport';

const show = { resource: ['workspace'], operation: ['search'] };

export const SEARCH_PATH = '/v1/workspaces/search';

const DEFAULT_LIMIT = 50;

export const description: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Atlas',
		description: 'Words to look for. Metal ranks workspaces by how well they match.',
		displayOptions: { show },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
];

interface SearchRequest {
	query: string;
	max?: number;
}

function readSearch(context: IExecuteFunctions, itemIndex: number): SearchRequest {
	const query = requiredText(context, 'query', 'Query', itemIndex);
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return { query };
	const limit = context.getNodeParameter('limit', itemIndex, DEFAULT_LIMIT);
	return {
		query,
		max: wholeNumber(context, limit, 'Limit', { min: 1, fallback: DEFAULT_LIMIT }, itemIndex),
	};
}

export async function execute(this: IExecuteFunctions) {
	const { concurrency, timeoutMs } = readRequestOptions(this);
	const client = await MetalClient.create(this, { timeoutMs, concurrency });
	return await runEachItem(this, {
		concurrency,
		prepare: (itemIndex) => readSearch(this, itemIndex),
		send: async (search, itemIndex, stopping) =>
			await searchAll(client, SEARCH_PATH, { ...search, itemIndex, stopping }),
	});
}
