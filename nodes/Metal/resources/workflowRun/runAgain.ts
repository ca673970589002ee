import { defineOperation } from '../../engine/operation';
import { readWaiting, waitFields, workflowRunId } from './fields';
import { waitForRun } from './wait';

/**
 * Retry and Rerun: `POST /v1/workflow-runs/{id}/<action>` starts the run again in Metal, so it is a
 * write that is never sent twice when Metal may have acted on it, and may be waited for as Start.
 */
function runAgain(action: {
	value: 'retry' | 'rerun';
	name: string;
	past: string;
	description: string;
}) {
	const { value, name, past, description } = action;
	return defineOperation({
		option: { name, value, action: `${name} a workflow run`, description },
		effect: { kind: 'create', noun: 'workflow run', past },
		fields: [workflowRunId, ...waitFields],
		prepare: (read) => ({ id: read(workflowRunId), wait: readWaiting(read) }),
		send: async ({ id, wait }, metal) => {
			const run = await metal.one({ method: 'POST', path: `/v1/workflow-runs/${id}/${value}` });
			return wait ? await waitForRun(run, metal, wait, { again: true }) : run;
		},
	});
}

export const retry = runAgain({
	value: 'retry',
	name: 'Retry',
	past: 'retried',
	description:
		'Retry a run of a Metal workflow that failed, and output the run Metal starts (turn on Wait for Completion to output it finished). Each call starts work in Metal: it is never sent again by the node when the outcome is unknown.',
});

export const rerun = runAgain({
	value: 'rerun',
	name: 'Rerun',
	past: 'rerun',
	description:
		'Run a Metal workflow again with the same input as an earlier run, and output the run Metal starts (turn on Wait for Completion to output it finished). Each call starts another run: it is never sent again by the node when the outcome is unknown.',
});
