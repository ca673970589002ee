import { bool, number } from '../../fields/kit';
import { idLocator } from '../../fields/locator';
import { optional } from '../../fields/parameters';
import type { Read } from '../../engine/operation';
import type { Waiting } from './wait';

/** The values of workflow runs that several operations share, each defined once. */

export const workflowId = idLocator({
	displayName: 'Metal Workflow',
	name: 'workflowId',
	noun: 'workflow',
	description:
		"The Metal workflow (a workflow set up in Metal, not an n8n workflow): From List, or By ID with its ID from Metal. If Metal's list of workflows cannot be read, use By ID.",
	searchListMethod: 'searchWorkflows',
	searchFilterRequired: false,
});

export const workflowRunId = idLocator({
	displayName: 'Workflow Run',
	name: 'workflowRunId',
	noun: 'workflow run',
	description:
		'The run, by the ID in the output of Workflow Run → Start, or of Workflow Run → Get Many',
});

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

/** Wait for Completion, with its Poll Interval and Max Wait: for every operation that starts a run. */
export const waitFields = [waitForCompletion, pollInterval, maxWait];

/** How to wait for the run an item starts, or undefined when not waiting. */
export function readWaiting(read: Read): Waiting | undefined {
	return read(waitForCompletion)
		? { intervalMs: read(pollInterval) * 1000, maxWaitMs: read(maxWait) * 60_000 }
		: undefined;
}
