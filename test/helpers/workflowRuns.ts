import type { IDataObject } from 'n8n-workflow';

import { interceptMetal } from './metalNock';
import { runMetalNode, type RunOptions } from './runMetalNode';

export const WORKFLOW_ID = '665f1c2a9b1e4a0012a3b4c5';
export const RUN_ID = '6660aa000000000000000001';

/** A run of the workflow as Metal answers it. */
export const runAs = (status: string, extra: IDataObject = {}): IDataObject => ({
	id: RUN_ID,
	workflowId: WORKFLOW_ID,
	status,
	input: { company: 'Acme' },
	createdAt: '2026-11-29T10:00:00Z',
	...extra,
});

type Reply = [status: number, body: object, headers?: Record<string, string>];

/** Metal answering the looks at run `id` (`GET /v1/workflow-runs/{id}`): a run, or a reply. */
export const polled = (id: string, ...answers: Array<IDataObject | Reply>) =>
	interceptMetal({
		method: 'get',
		path: `/v1/workflow-runs/${id}`,
		times: answers.length,
		reply: (_, index) => {
			const answer = answers[index];
			return Array.isArray(answer) ? answer : [200, { data: answer }];
		},
	});

/** Runs a Workflow Run operation on `workflowRunId` (By ID) with more parameters. */
export function runOperation(
	operation: string,
	parameters: IDataObject = {},
	options: Omit<RunOptions, 'parameters'> = {},
) {
	return runMetalNode({
		...options,
		parameters: {
			resource: 'workflowRun',
			operation,
			workflowRunId: { __rl: true, mode: 'id', value: RUN_ID },
			...parameters,
		} as RunOptions['parameters'],
	});
}
