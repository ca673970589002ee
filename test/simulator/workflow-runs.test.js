'use strict';

const { ISO_UTC, OBJECT_ID, UNKNOWN_ID, withSimulator, call, control, wait } = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };

function start(simulator, workflowId, body = { input: {} }) {
	return call(simulator, 'POST', `/v1/workflows/${workflowId}/runs`, { body });
}

function getRun(simulator, id) {
	return call(simulator, 'GET', `/v1/workflow-runs/${id}`);
}

describe('POST /v1/workflows/{id}/runs and GET /v1/workflow-runs/{id}', () => {
	test('a run is "running" until runDurationMs has passed, then completed with an output', () =>
		withSimulator({ runDurationMs: 500 }, async (simulator) => {
			const workflow = simulator.seed('workflows', { name: 'Screen a company' });
			const input = { company: 'Acme', depth: 2, tags: ['a'] };
			const started = await start(simulator, workflow.id, { input });
			expect(started.status).toBe(201);
			const run = started.body.data;
			expect(started.body).toEqual({
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
			expect(Object.keys(run)).toEqual([
				'id',
				'workflowId',
				'status',
				'input',
				'output',
				'createdAt',
				'completedAt',
			]);
			expect(simulator.log.at(-1)).toMatchObject({ outcome: 'created', createdId: run.id });

			const polled = await getRun(simulator, run.id);
			expect([polled.status, polled.body]).toEqual([200, { data: run }]);

			await wait(550);
			const done = await getRun(simulator, run.id);
			expect(done.body.data).toEqual({
				...run,
				status: 'completed',
				output: { summary: `Simulated run of workflow ${workflow.id}` },
				completedAt: new Date(Date.parse(run.createdAt) + 500).toISOString(),
			});
			expect(simulator.records('workflow-runs')).toEqual([done.body.data]);
		}));

	test.each(['failed', 'cancelled'])(
		'runOutcome %s ends every run that way, with no output',
		(runOutcome) =>
			withSimulator({ runDurationMs: 0, runOutcome }, async (simulator) => {
				const workflow = simulator.seed('workflows', {});
				const run = (await start(simulator, workflow.id)).body.data;
				expect(run.status).toBe('running');
				const done = (await getRun(simulator, run.id)).body.data;
				expect(done).toMatchObject({
					status: runOutcome,
					output: null,
					completedAt: run.createdAt,
				});
			}),
	);

	test('a seeded workflow sets its own outcome, duration and output over the knobs', () =>
		withSimulator({ runDurationMs: 60_000 }, async (simulator) => {
			const [quick, failing, slow] = simulator.seed('workflows', [
				{ runDurationMs: 0, runOutput: { memo: 'Draft memo' } },
				{ runDurationMs: 0, runOutcome: 'failed', runOutput: { error: 'Screening failed' } },
				{ name: 'Knob defaults' },
			]);
			const runs = [];
			for (const workflow of [quick, failing, slow]) {
				runs.push((await start(simulator, workflow.id)).body.data);
			}
			const polled = [];
			for (const run of runs) polled.push((await getRun(simulator, run.id)).body.data);
			expect(polled.map((run) => [run.status, run.output])).toEqual([
				['completed', { memo: 'Draft memo' }],
				['failed', { error: 'Screening failed' }],
				['running', null],
			]);
		}));

	test('runStatusCase upper answers RUNNING, then COMPLETED', () =>
		withSimulator({ runDurationMs: 0, runStatusCase: 'upper' }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const run = (await start(simulator, workflow.id)).body.data;
			expect(run.status).toBe('RUNNING');
			expect((await getRun(simulator, run.id)).body.data.status).toBe('COMPLETED');
		}));

	test('an unknown workflow is a 404 and starts nothing, unless openWorkflows', async () => {
		await withSimulator({}, async (simulator) => {
			const response = await start(simulator, UNKNOWN_ID);
			expect([response.status, response.body]).toEqual([404, { error: 'Workflow not found' }]);
			expect(simulator.records('workflow-runs')).toEqual([]);
		});
		await withSimulator({ openWorkflows: true }, async (simulator) => {
			const response = await start(simulator, UNKNOWN_ID.toUpperCase(), { input: { a: 1 } });
			expect(response.status).toBe(201);
			expect(response.body.data).toMatchObject({ workflowId: UNKNOWN_ID, input: { a: 1 } });
			const malformed = await start(simulator, 'screening');
			expect([malformed.status, malformed.body]).toEqual([404, { error: 'Workflow not found' }]);
		});
	});

	test('GET of an unknown run is a 404', () =>
		withSimulator({}, async (simulator) => {
			const response = await getRun(simulator, UNKNOWN_ID);
			expect([response.status, response.body]).toEqual([404, { error: 'Workflow run not found' }]);
		}));

	test('input is optional (an empty object) but must be an object', () =>
		withSimulator({}, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			expect((await start(simulator, workflow.id, {})).body.data.input).toEqual({});
			for (const body of [
				{ input: [] },
				{ input: 'screen Acme' },
				{ input: null },
				{ input: {}, wait: true },
				[],
			]) {
				const response = await start(simulator, workflow.id, body);
				expect([body, response.status, response.body]).toEqual([body, 400, INVALID_BODY]);
			}
			const empty = await call(simulator, 'POST', `/v1/workflows/${workflow.id}/runs`, {
				rawBody: '',
			});
			expect(empty.status).toBe(400);
			expect(simulator.records('workflow-runs')).toHaveLength(1);
		}));

	test('a run changed through /_sim keeps what it was given', () =>
		withSimulator({ runDurationMs: 100 }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const run = (await start(simulator, workflow.id)).body.data;
			const patched = await control(simulator, 'PATCH', `/workflow-runs/${run.id}`, {
				status: 'cancelled',
			});
			expect(patched.status).toBe(200);
			expect(patched.body.data).toMatchObject({
				status: 'cancelled',
				completedAt: expect.stringMatching(ISO_UTC),
			});
			await wait(150);
			expect((await getRun(simulator, run.id)).body.data).toEqual(patched.body.data);

			// Still running by hand: the plan is dropped, so it stays running.
			const second = (await start(simulator, workflow.id)).body.data;
			simulator.change('workflow-runs', second.id, { output: { partial: true } });
			await wait(150);
			expect((await getRun(simulator, second.id)).body.data).toMatchObject({
				status: 'running',
				output: { partial: true },
				completedAt: null,
			});
		}));

	test('/_sim/workflow-runs lists runs with their current status', () =>
		withSimulator({ runDurationMs: 0 }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			await start(simulator, workflow.id);
			const listed = await control(simulator, 'GET', '/workflow-runs');
			expect(listed.body.data.map((run) => run.status)).toEqual(['completed']);
		}));
});
