import { defineOperation } from '../../engine/operation';
import { workflowRunId } from './fields';
import { readRun } from './wait';

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
