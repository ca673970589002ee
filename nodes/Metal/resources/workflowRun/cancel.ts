import { defineOperation } from '../../engine/operation';
import { isObject } from '../../transport/exchange';
import { failedAfterDone } from '../../transport/marks';
import { workflowRunId } from './fields';
import { readRun, RUN_KEY } from './wait';

export const cancel = defineOperation({
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a workflow run',
		description:
			'Stop a run of a Metal workflow that is still in progress, and output the run as Metal then reports it. A run that has already ended cannot be cancelled: Metal refuses it.',
	},
	// Cancelling twice ends in the same state: retried as an update is.
	effect: {
		kind: 'update',
		noun: 'workflow run',
		past: 'cancelled',
		twice: 'a run cancelled twice stays cancelled',
	},
	fields: [workflowRunId],
	prepare: (read) => read(workflowRunId),
	send: async (id, metal) => {
		const answer = await metal.answer({ method: 'POST', path: `/v1/workflow-runs/${id}/cancel` });
		// Metal documents no answer for a cancel: the run if it sends one, else the run as it is now.
		if (isObject(answer.data)) return answer.data;
		try {
			return await readRun(metal.read, id);
		} catch (error) {
			// Metal accepted the cancel: a look that fails after it does not make it "not cancelled".
			const lost = error as Error & { description?: string };
			lost.description = `Metal accepted the cancel of the workflow run ${id}, but the node could not read the run afterwards. Check it with Workflow Run → Get and its ID.${lost.description ? `\n${lost.description}` : ''}`;
			throw failedAfterDone(lost, RUN_KEY, { id });
		}
	},
});
