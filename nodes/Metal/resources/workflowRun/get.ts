import { defineOperation } from '../../engine/operation';
import { idLocator } from '../../fields/locator';
import { readRun } from './wait';

const workflowRunId = idLocator({
	displayName: 'Workflow Run',
	name: 'workflowRunId',
	noun: 'workflow run',
	description: 'The run to get, by the ID in the output of Workflow Run → Start',
});

export const get = defineOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a workflow run',
		description:
			'Get one run of a Metal workflow by its ID: its status (such as running, completed, failed or cancelled), input and output. Use it to check on a run started earlier without starting another.',
	},
	effect: { kind: 'read', noun: 'workflow run' },
	fields: [workflowRunId],
	prepare: (read) => read(workflowRunId),
	send: async (id, metal) => await readRun(metal, id),
});
