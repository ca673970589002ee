import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../engine/operation';
import { bool, json, number } from '../../fields/kit';
import { optional, required } from '../../fields/parameters';
import { idLocator } from '../../fields/locator';
import { waitForRun, type Waiting } from './wait';

const workflowId = idLocator({
	displayName: 'Metal Workflow',
	name: 'workflowId',
	noun: 'workflow',
	description:
		'The Metal workflow to run (a workflow set up in Metal, not an n8n workflow), by its ID from Metal',
});

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

const waitForCompletion = optional(
	bool({
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		description:
			'Whether to wait until the run has completed and output it with its result. Off, the node outputs the run as Metal reports it at the start, still running.',
	}),
);

const whileWaiting = { displayOptions: { show: { waitForCompletion: [true] } } };

const pollInterval = optional(
	number(
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			default: 10,
			description: 'How long to wait between two looks at the run',
			...whileWaiting,
		},
		{ min: 1, max: 3600, integer: true },
	),
);

const maxWait = optional(
	number(
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWait',
			default: 10,
			description:
				'How long to wait for the run at most. A run still going then is an error for its item; the run goes on in Metal.',
			...whileWaiting,
		},
		{ min: 1, max: 1440, integer: true },
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
	fields: [workflowId, input, waitForCompletion, pollInterval, maxWait],
	prepare: (read) => {
		const wait: Waiting | undefined = read(waitForCompletion)
			? { intervalMs: read(pollInterval) * 1000, maxWaitMs: read(maxWait) * 60_000 }
			: undefined;
		return { id: read(workflowId), body: { input: read(input) as IDataObject }, wait };
	},
	send: async ({ id, body, wait }, metal) => {
		const run = await metal.one({
			method: 'POST',
			path: `/v1/workflows/${id}/runs`,
			body,
		});
		return wait ? await waitForRun(run, metal, wait) : run;
	},
});
