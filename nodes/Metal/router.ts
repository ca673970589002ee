import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { workspaceOperations } from './resources/workspace';

type Operation = { execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	workspace: workspaceOperations,
};

/** Hands the run to the chosen operation; resource and operation cannot vary per item. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.[operation];
	if (run === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
			{ description: 'Choose a resource and an operation from the lists in the node.' },
		);
	}
	return [await run.execute.call(this)];
}
