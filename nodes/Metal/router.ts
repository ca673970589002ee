import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findOperation, type Resource } from './engine/operation';
import { readRunOptions } from './engine/runOptions';
import { runEachItem } from './engine/runner';
import { MetalClient } from './transport/client';

/**
 * Sets up the run once (its options, the client with the credential resolved, the runner) and hands
 * it the operation the node is set to.
 */
export async function runOperation(
	context: IExecuteFunctions,
	resources: Resource[],
	continueOnFail: boolean,
): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resources, resource, operationName);
	if (operation === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
			{ description: 'Choose a resource and an operation from the lists in the node.' },
		);
	}
	const { concurrency, timeoutMs } = readRunOptions(context);
	const client = await MetalClient.create(context, { timeoutMs, concurrency });
	return [await runEachItem(context, operation, client, { concurrency, continueOnFail })];
}
