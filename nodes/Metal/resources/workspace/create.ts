import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalBoolean, optionalText, requiredText } from '../../shared/parameters';
import { readRequestOptions } from '../../shared/requestOptions';
import { WRITE_RETRY_POLICY } from '../../shared/retryPolicy';
import { runEachItem } from '../../shared/runEachItem';
import { MetalClient } from '../../shared/transport';

const show = { resource: ['workspace'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Project Atlas',
		description: 'The name of the new workspace',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Company',
				name: 'company',
				type: 'string',
				default: '',
				placeholder: 'e.g. Acme Holdings',
				description:
					"Text stored as the workspace's company. Metal documents it only as a string: it is not checked against or linked to Metal's company records. Left out when empty.",
			},
			{
				displayName: 'Private',
				name: 'isPrivate',
				type: 'boolean',
				default: false,
				description: 'Whether Metal marks the workspace as private',
			},
		],
	},
];

/** One item's `WorkspaceCreate` body, with only the fields the user set. */
function workspaceCreateBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name: requiredText(context, 'name', 'Name', itemIndex) };
	const company = optionalText(context, fields, 'company', 'Company', itemIndex);
	if (company !== undefined) body.company = company;
	const isPrivate = optionalBoolean(context, fields, 'isPrivate', 'Private', itemIndex);
	if (isPrivate !== undefined) body.isPrivate = isPrivate;
	return body;
}

// Programmatic rather than declarative: n8n's declarative engine sends every item at once, and a
// failure there makes Retry On Fail re-send items already created. Here each workspace is created
// at most once: all items are checked first, requests are capped, only 429 is retried.
export async function execute(this: IExecuteFunctions) {
	const { concurrency, timeoutMs } = readRequestOptions(this);
	const client = await MetalClient.create(this, { timeoutMs, concurrency });
	return await runEachItem(this, {
		concurrency,
		creates: 'workspace',
		prepare: (itemIndex) => workspaceCreateBody(this, itemIndex),
		send: async (body, itemIndex, stopping) => [
			await client.requestData(
				{
					method: 'POST',
					path: '/v1/workspaces',
					body,
					creates: 'workspace',
					itemIndex,
					stopping,
					notFound: {
						message: 'Metal has no workspaces endpoint at this Base URL',
						description:
							'No workspace was created. Check the Base URL in the Metal API credential: it should be https://api.metal.ai, or a proxy that forwards /v1/workspaces to it.',
					},
				},
				WRITE_RETRY_POLICY,
			),
		],
	});
}
