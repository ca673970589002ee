import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../engine/operation';
import { json } from '../../fields/kit';
import { required } from '../../fields/parameters';
import { readWaiting, waitFields, workflowId } from './fields';
import { waitForRun } from './wait';

const input = required(
	json(
		{
			displayName: 'Input',
			name: 'input',
			description:
				'What the run receives: a JSON object with the fields the Metal workflow expects, such as { "company": "Acme" }. To pass the incoming item, use {{ $json }}.',
		},
		{ object: true },
	),
);

export const start = defineOperation({
	option: {
		name: 'Start',
		value: 'start',
		action: 'Start a workflow run',
		description:
			"Run a Metal workflow (an AI workflow set up in Metal, such as screening a company or drafting a memo) on an input. For research, turn on Wait for Completion: the node outputs the finished run with the workflow's output. Every call starts a new run: to check a run started earlier, use Workflow Run → Get with its ID.",
	},
	effect: { kind: 'create', noun: 'workflow run', past: 'started' },
	fields: [workflowId, input, ...waitFields],
	prepare: (read) => ({
		id: read(workflowId),
		body: { input: read(input) as IDataObject },
		wait: readWaiting(read),
	}),
	send: async ({ id, body, wait }, metal) => {
		const run = await metal.one({ method: 'POST', path: `/v1/workflows/${id}/runs`, body });
		return wait ? await waitForRun(run, metal, wait) : run;
	},
});
