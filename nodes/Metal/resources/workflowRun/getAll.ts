import { defineOperation } from '../../engine/operation';
import { returnAllLimit } from '../../fields/returnAll';
import { workflowId } from './fields';

export const getAll = defineOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many workflow runs',
		description:
			"List the runs of a Metal workflow, as Metal lists them, each with its status, input and output. Metal documents no paging for this list: the node reads it in one request, so Return All outputs every run of Metal's answer and Limit its first ones. Use it to find a run's ID for Get, Cancel, Retry or Rerun.",
	},
	effect: { kind: 'read', noun: 'workflow run' },
	fields: [workflowId, returnAllLimit],
	prepare: (read) => ({ id: read(workflowId), max: read(returnAllLimit) }),
	send: async ({ id, max }, metal) => {
		const { entries } = await metal.page({ method: 'GET', path: `/v1/workflows/${id}/runs` });
		return max === undefined ? entries : entries.slice(0, max);
	},
});
