'use strict';

// Metal runs workflows asynchronously: starting one returns the run "running" at once, and a client
// polls GET /v1/workflow-runs/{id} until it is completed, failed or cancelled. Here a run's end is
// planned when it starts (after runDurationMs, with runOutcome, from the knobs or from the seeded
// workflow) and written into the stored run by settle(), which the server calls before it reads or
// lists runs. No timers: a run is due when the clock says so, whoever looks first.

const { isObjectId } = require('./object-id');

const RUN_OUTCOMES = ['completed', 'failed', 'cancelled'];

function createWorkflowRuns({ store, config, nextId, now = () => new Date() }) {
	/** Run id → { finishAt (ms), outcome, output } for runs still running. */
	const plans = new Map();

	const cased = (status) => (config.runStatusCase === 'upper' ? status.toUpperCase() : status);

	/** A run's status in lower case ('' when it has none that is a string). */
	const statusOf = (run) => (typeof run.status === 'string' ? run.status.toLowerCase() : '');

	/** Completed, failed or cancelled, in either case. */
	const isOver = (run) => RUN_OUTCOMES.includes(statusOf(run));

	/** A seeded workflow, or with openWorkflows any 24-hex id. */
	function knows(workflowId) {
		return (
			Boolean(store.get('workflows', workflowId)) ||
			(config.openWorkflows && isObjectId(workflowId))
		);
	}

	return {
		knows,
		statusOf,
		isOver,

		/**
		 * Starts a run of `workflowId` with `input`; returns the stored run, or undefined when the
		 * workflow is unknown (and workflows are not open).
		 */
		start(workflowId, input) {
			if (!knows(workflowId)) return undefined;
			const workflow = store.get('workflows', workflowId);
			const outcome = workflow?.runOutcome ?? config.runOutcome;
			const started = now();
			const run = store.add('workflow-runs', nextId(started), {
				workflowId: workflowId.toLowerCase(),
				status: cased('running'),
				input,
				output: null,
				createdAt: started.toISOString(),
				completedAt: null,
			});
			plans.set(run.id, {
				finishAt: started.getTime() + (workflow?.runDurationMs ?? config.runDurationMs),
				outcome,
				output:
					workflow?.runOutput ??
					(outcome === 'completed'
						? { summary: `Simulated run of workflow ${run.workflowId}` }
						: null),
			});
			return run;
		},

		/** Ends every run whose time has come, as planned. */
		settle() {
			const current = now().getTime();
			for (const [id, plan] of plans) {
				if (plan.finishAt > current) continue;
				plans.delete(id);
				store.change('workflow-runs', id, {
					status: cased(plan.outcome),
					output: plan.output,
					completedAt: new Date(plan.finishAt).toISOString(),
				});
			}
		},

		/** Cancels a run that is not over: cancelled now, its plan dropped; returns the run. */
		cancel(id) {
			plans.delete(id.toLowerCase());
			return store.change('workflow-runs', id, {
				status: cased('cancelled'),
				completedAt: now().toISOString(),
			});
		},

		/**
		 * A run changed by hand (control PATCH) keeps what it was given: its plan is dropped, and a
		 * final status without a completedAt gets the current time.
		 */
		changedByHand(id) {
			plans.delete(id.toLowerCase());
			const run = store.get('workflow-runs', id);
			if (run && isOver(run) && run.completedAt === null) {
				store.change('workflow-runs', id, { completedAt: now().toISOString() });
			}
		},

		forget(id) {
			plans.delete(id.toLowerCase());
		},

		clear() {
			plans.clear();
		},
	};
}

module.exports = { RUN_OUTCOMES, createWorkflowRuns };
