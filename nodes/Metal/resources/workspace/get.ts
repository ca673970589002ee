import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../shared/parameters';
import { readRequestOptions } from '../../shared/requestOptions';
import { READ_RETRY_POLICY } from '../../shared/retryPolicy';
import { runEachItem } from '../../shared/runEachItem';
import { MetalClient } from '../../shared/transport';

const show = { resource: ['workspace'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Workspace',
		name: 'workspaceId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The workspace to get',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Type to search workspaces…',
				typeOptions: {
					searchListMethod: 'searchWorkspaces',
					searchable: true,
					searchFilterRequired: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 665f1c2a9b1e4a0012a3b4c5',
				// Metal IDs are 24 hexadecimal characters; the editor flags a typo before a run.
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[0-9a-fA-F]{24}$',
							errorMessage: 'Not a Metal ID: an ID is 24 characters, 0-9 and a-f',
						},
					},
				],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions) {
	const { concurrency, timeoutMs } = readRequestOptions(this);
	const client = await MetalClient.create(this, { timeoutMs, concurrency });
	return await runEachItem(this, {
		concurrency,
		prepare: (itemIndex) => requiredText(this, 'workspaceId', 'Workspace', itemIndex),
		send: async (id, itemIndex, stopping) => [
			await client.requestData(
				{
					method: 'GET',
					path: `/v1/workspaces/${encodeURIComponent(id)}`,
					itemIndex,
					stopping,
					notFound: {
						message: `Metal has no workspace with the ID "${id}"`,
						description:
							"Check the ID: it may be mistyped, or belong to a workspace of another organization than the API key's. Pick the workspace From List, or find its ID with Workspace → Search.",
					},
				},
				READ_RETRY_POLICY,
			),
		],
	});
}
