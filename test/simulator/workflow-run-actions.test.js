'use strict';

const {
	ISO_UTC,
	OBJECT_ID,
	UNKNOWN_ID,
	withSimulator,
	call,
	expectNetworkFailure,
	wait,
} = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };
const RUN_NOT_FOUND = { error: 'Workflow run not found' };
const NOT_RUNNING = { error: 'Workflow run is not running' };
const ONLY_FAILED = { error: 'Only a failed workflow run can be retried' };
const STILL_RUNNING = { error: 'Workflow run is still running' };

function start(simulator, workflowId, input = {}) {
	return call(simulator, 'POST', `/v1/workflows/${workflowId}/runs`, { body: { input } });
}

function act(simulator, runId, action, options = {}) {
	return call(simulator, 'POST', `/v1/workflow-runs/${runId}/${action}`, options);
}

function getRun(simulator, id) {
	return call(simulator, 'GET', `/v1/workflow-runs/${id}`);
}

/** Seeds one workflow per outcome, each run over at once, and one that runs for a minute. */
function seedWorkflows(simulator) {
	const [completes, fails, cancels, runs] = simulator.seed('workflows', [
		{ runDurationMs: 0 },
		{ runDurationMs: 0, runOutcome: 'failed' },
		{ runDurationMs: 0, runOutcome: 'cancelled' },
		{ runDurationMs: 60_000 },
	]);
	return { completes, fails, cancels, runs };
}

/** One run in each state: running, completed, failed, cancelled (as GET shows them now). */
async function runsInEachState(simulator) {
	const workflows = seedWorkflows(simulator);
	const running = (await start(simulator, workflows.runs.id, { step: 'running' })).body.data;
	const states = { running };
	for (const [state, workflow] of [
		['completed', workflows.completes],
		['failed', workflows.fails],
		['cancelled', workflows.cancels],
	]) {
		const started = (await start(simulator, workflow.id, { step: state })).body.data;
		states[state] = (await getRun(simulator, started.id)).body.data;
	}
	return { workflows, states };
}

describe('POST /v1/workflow-runs/{id}/cancel', () => {
	test('a running run becomes cancelled now, and stays so', () =>
		withSimulator({ runDurationMs: 300 }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const run = (await start(simulator, workflow.id, { company: 'Acme' })).body.data;
			const before = Date.now();
			const response = await act(simulator, run.id, 'cancel');
			expect(response.status).toBe(200);
			expect(response.body).toEqual({
				data: { ...run, status: 'cancelled', completedAt: expect.stringMatching(ISO_UTC) },
			});
			const completedAt = Date.parse(response.body.data.completedAt);
			expect(completedAt).toBeGreaterThanOrEqual(before - 5);
			expect(completedAt).toBeLessThanOrEqual(Date.now() + 5);
			expect(simulator.log.at(-1)).toMatchObject({
				status: 200,
				outcome: 'updated',
				createdId: null,
				body: null,
			});
			// Its plan is dropped: past runDurationMs it is still cancelled, not completed.
			await wait(350);
			expect((await getRun(simulator, run.id)).body).toEqual(response.body);
		}));

	test('a run that is over is a 422; an unknown run a 404', () =>
		withSimulator({}, async (simulator) => {
			const { states } = await runsInEachState(simulator);
			for (const state of ['completed', 'failed', 'cancelled']) {
				const response = await act(simulator, states[state].id, 'cancel');
				expect([state, response.status, response.body]).toEqual([state, 422, NOT_RUNNING]);
				expect(simulator.log.at(-1)).toMatchObject({ status: 422, outcome: 'unprocessable' });
				expect((await getRun(simulator, states[state].id)).body.data).toEqual(states[state]);
			}
			const twice = await act(simulator, states.running.id, 'cancel');
			expect(twice.status).toBe(200);
			expect((await act(simulator, states.running.id, 'cancel')).body).toEqual(NOT_RUNNING);
			for (const id of [UNKNOWN_ID, 'run-1']) {
				const response = await act(simulator, id, 'cancel');
				expect([response.status, response.body]).toEqual([404, RUN_NOT_FOUND]);
			}
		}));

	test('runStatusCase upper answers CANCELLED', () =>
		withSimulator({ runStatusCase: 'upper' }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const run = (await start(simulator, workflow.id)).body.data;
			expect((await act(simulator, run.id.toUpperCase(), 'cancel')).body.data.status).toBe(
				'CANCELLED',
			);
		}));
});

describe('POST /v1/workflow-runs/{id}/retry', () => {
	test('a failed run starts a new run of the same workflow with the same input (201)', () =>
		withSimulator({}, async (simulator) => {
			const workflow = simulator.seed('workflows', { runDurationMs: 0, runOutcome: 'failed' });
			const input = { company: 'Acme', depth: 2 };
			const failed = (await start(simulator, workflow.id, input)).body.data;
			const failedNow = (await getRun(simulator, failed.id)).body.data;
			expect(failedNow.status).toBe('failed');

			// The retry runs as a start would: running, then the workflow's planned outcome.
			simulator.change('workflows', workflow.id, { runOutcome: 'completed', runDurationMs: 100 });
			const response = await act(simulator, failed.id, 'retry');
			expect(response.status).toBe(201);
			const retried = response.body.data;
			expect(response.body).toEqual({
				data: {
					id: expect.stringMatching(OBJECT_ID),
					workflowId: workflow.id,
					status: 'running',
					input,
					output: null,
					createdAt: expect.stringMatching(ISO_UTC),
					completedAt: null,
				},
			});
			expect(retried.id).not.toBe(failed.id);
			expect(simulator.log.at(-1)).toMatchObject({
				status: 201,
				outcome: 'created',
				createdId: retried.id,
				workspaceId: null,
			});
			await wait(150);
			expect((await getRun(simulator, retried.id)).body.data).toMatchObject({
				status: 'completed',
				output: { summary: `Simulated run of workflow ${workflow.id}` },
			});
			// The failed run is left as it was; the workflow now lists both.
			expect((await getRun(simulator, failed.id)).body.data).toEqual(failedNow);
			const listed = await call(simulator, 'GET', `/v1/workflows/${workflow.id}/runs`);
			expect(listed.body.data.map((run) => run.id)).toEqual([retried.id, failed.id]);
		}));

	test('only a failed run: running, completed or cancelled is a 422', () =>
		withSimulator({}, async (simulator) => {
			const { states } = await runsInEachState(simulator);
			for (const state of ['running', 'completed', 'cancelled']) {
				const response = await act(simulator, states[state].id, 'retry');
				expect([state, response.status, response.body]).toEqual([state, 422, ONLY_FAILED]);
			}
			expect((await act(simulator, states.failed.id, 'retry')).status).toBe(201);
			expect(simulator.records('workflow-runs')).toHaveLength(5);
			const unknown = await act(simulator, UNKNOWN_ID, 'retry');
			expect([unknown.status, unknown.body]).toEqual([404, RUN_NOT_FOUND]);
		}));

	test('runStatusCase upper: a FAILED run is retried, the new one RUNNING', () =>
		withSimulator(
			{ runStatusCase: 'upper', runOutcome: 'failed', runDurationMs: 0 },
			async (simulator) => {
				const workflow = simulator.seed('workflows', {});
				const run = (await start(simulator, workflow.id)).body.data;
				expect((await getRun(simulator, run.id)).body.data.status).toBe('FAILED');
				const retried = await act(simulator, run.id, 'retry');
				expect([retried.status, retried.body.data.status]).toEqual([201, 'RUNNING']);
			},
		));
});

describe('POST /v1/workflow-runs/{id}/rerun', () => {
	test('a run that is over (completed, failed or cancelled) starts a new run with its input', () =>
		withSimulator({}, async (simulator) => {
			const { workflows, states } = await runsInEachState(simulator);
			const workflowOf = {
				completed: workflows.completes.id,
				failed: workflows.fails.id,
				cancelled: workflows.cancels.id,
			};
			for (const state of ['completed', 'failed', 'cancelled']) {
				const response = await act(simulator, states[state].id, 'rerun', { body: {} });
				expect(response.status).toBe(201);
				expect(response.body.data).toEqual({
					id: expect.stringMatching(OBJECT_ID),
					workflowId: workflowOf[state],
					status: 'running',
					input: { step: state },
					output: null,
					createdAt: expect.stringMatching(ISO_UTC),
					completedAt: null,
				});
				expect(simulator.log.at(-1)).toMatchObject({
					outcome: 'created',
					createdId: response.body.data.id,
					body: {},
				});
			}
		}));

	test('a running run is a 422; an unknown one a 404', () =>
		withSimulator({}, async (simulator) => {
			const { states } = await runsInEachState(simulator);
			const running = await act(simulator, states.running.id, 'rerun');
			expect([running.status, running.body]).toEqual([422, STILL_RUNNING]);
			expect(simulator.log.at(-1)).toMatchObject({ outcome: 'unprocessable', createdId: null });
			const unknown = await act(simulator, UNKNOWN_ID, 'rerun');
			expect([unknown.status, unknown.body]).toEqual([404, RUN_NOT_FOUND]);
			expect(simulator.records('workflow-runs')).toHaveLength(4);
		}));

	test('a run cancelled through the API can be rerun', () =>
		withSimulator({ runDurationMs: 60_000 }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const run = (await start(simulator, workflow.id, { a: 1 })).body.data;
			await act(simulator, run.id, 'cancel');
			const rerun = await act(simulator, run.id, 'rerun');
			expect([rerun.status, rerun.body.data.input, rerun.body.data.status]).toEqual([
				201,
				{ a: 1 },
				'running',
			]);
		}));

	test('a workflow removed since: 404 Workflow not found, unless openWorkflows', async () => {
		for (const [openWorkflows, status] of [
			[false, 404],
			[true, 201],
		]) {
			await withSimulator({ openWorkflows, runDurationMs: 0 }, async (simulator) => {
				const workflow = simulator.seed('workflows', {});
				const run = (await start(simulator, workflow.id)).body.data;
				await getRun(simulator, run.id);
				simulator.remove('workflows', workflow.id);
				const response = await act(simulator, run.id, 'rerun');
				expect(response.status).toBe(status);
				if (status === 404) expect(response.body).toEqual({ error: 'Workflow not found' });
			});
		}
	});
});

describe('bodies of the run actions', () => {
	test.each(['cancel', 'retry', 'rerun'])(
		'%s takes no body or {}; anything else is a 400 and does nothing',
		(action) =>
			withSimulator({ runDurationMs: 60_000 }, async (simulator) => {
				const workflow = simulator.seed('workflows', {});
				const run = (await start(simulator, workflow.id)).body.data;
				for (const request of [
					{ body: { reason: 'user asked' } },
					{ body: [] },
					{ body: null },
					{ body: 'cancel' },
					{ rawBody: '{' },
					{ rawBody: '{}', contentType: 'text/plain' },
				]) {
					const response = await act(simulator, run.id, action, request);
					expect([request, response.status, response.body]).toEqual([request, 400, INVALID_BODY]);
					expect(simulator.log.at(-1)).toMatchObject({ outcome: 'invalid_body' });
				}
				expect(simulator.records('workflow-runs')).toEqual([run]);
				// Accepted bodies reach the run's state check (a running run: cancel only).
				const none = await act(simulator, run.id, action);
				const empty = await act(simulator, run.id, action, { body: {} });
				expect([none.status, empty.status]).toEqual(action === 'cancel' ? [200, 422] : [422, 422]);
			}),
	);

	test('an empty body sent as application/json counts as no body', () =>
		withSimulator({ runDurationMs: 60_000 }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const run = (await start(simulator, workflow.id)).body.data;
			const response = await act(simulator, run.id, 'cancel', { rawBody: '' });
			expect(response.status).toBe(200);
		}));
});

describe('run actions go through the gates', () => {
	test('401 without credentials, and nothing changes', () =>
		withSimulator({ runDurationMs: 60_000 }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const run = (await start(simulator, workflow.id)).body.data;
			for (const action of ['cancel', 'retry', 'rerun']) {
				const response = await act(simulator, run.id, action, { auth: false });
				expect([response.status, response.body]).toEqual([
					401,
					{ error: 'invalid api key or clientId' },
				]);
			}
			expect(simulator.records('workflow-runs')).toEqual([run]);
		}));

	test('a fault before the handler starts nothing; failAfterCreate starts the retry, then 500', async () => {
		for (const failAfterCreate of [false, true]) {
			await withSimulator(
				{ failRate: 1, failAfterCreate, faultRoutes: ['retryWorkflowRun'] },
				async (simulator) => {
					const workflow = simulator.seed('workflows', { runDurationMs: 0, runOutcome: 'failed' });
					const run = (await start(simulator, workflow.id)).body.data;
					const response = await act(simulator, run.id, 'retry');
					expect([response.status, response.body]).toEqual([
						500,
						{ error: 'Internal server error' },
					]);
					const stored = simulator.records('workflow-runs');
					expect(stored).toHaveLength(failAfterCreate ? 2 : 1);
					expect(simulator.log.at(-1)).toMatchObject({
						outcome: 'failed',
						createdId: failAfterCreate ? stored[1].id : null,
					});
					if (failAfterCreate) expect(stored[1]).toMatchObject({ input: {}, status: 'failed' });
				},
			);
		}
	});

	test('resetAfterCreate on rerun: the new run is started, the connection dropped', () =>
		withSimulator(
			{ resetRate: 1, resetAfterCreate: true, faultRoutes: ['rerunWorkflowRun'], runDurationMs: 0 },
			async (simulator) => {
				const workflow = simulator.seed('workflows', {});
				const run = (await start(simulator, workflow.id, { a: 1 })).body.data;
				expectNetworkFailure(await act(simulator, run.id, 'rerun').catch((error) => error));
				const [, rerun] = simulator.records('workflow-runs');
				expect(rerun).toMatchObject({ workflowId: workflow.id, input: { a: 1 } });
				expect(simulator.log.at(-1)).toMatchObject({
					status: null,
					outcome: 'reset',
					createdId: rerun.id,
				});
			},
		));

	test('failAfterCreate on cancel: the run is cancelled, then 500', () =>
		withSimulator(
			{
				failRate: 1,
				failAfterCreate: true,
				faultRoutes: ['cancelWorkflowRun'],
				runDurationMs: 60_000,
			},
			async (simulator) => {
				const workflow = simulator.seed('workflows', {});
				const run = (await start(simulator, workflow.id)).body.data;
				expect((await act(simulator, run.id, 'cancel')).status).toBe(500);
				expect(simulator.record('workflow-runs', run.id).status).toBe('cancelled');
			},
		));
});
