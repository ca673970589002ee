import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { textKey } from '../fields/sameText';
import { isMetalId } from '../fields/values';
import { MetalClient } from '../transport/client';

/**
 * "From List" of the Metal Workflow picker: Metal's workflows (`GET /v1/workflows`, documented by a
 * guide only, without paging), filtered here by what the user types. When the list cannot be read,
 * the picker says so and points to By ID, which does not need it.
 */
export async function searchWorkflows(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await MetalClient.create(this, { caller: 'editor' });
	let entries;
	try {
		({ entries } = await client
			.bind({ kind: 'read', noun: 'workflow' })
			.page({ method: 'GET', path: '/v1/workflows' }));
	} catch (error) {
		const { message, description } = error as NodeOperationError;
		// n8n's picker shows the message alone: it says what to do too.
		throw new NodeOperationError(
			this.getNode(),
			`Metal's list of workflows could not be read, so choose By ID and paste the workflow's ID from Metal. ${message}`,
			{ description: description ?? '' },
		);
	}
	const wanted = textKey(filter ?? '');
	const results = [];
	for (const workflow of entries) {
		if (!isMetalId(workflow.id)) continue;
		const name = typeof workflow.name === 'string' && workflow.name ? workflow.name : workflow.id;
		if (wanted && !textKey(name).includes(wanted)) continue;
		results.push({ name, value: workflow.id });
	}
	return { results };
}
