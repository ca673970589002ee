'use strict';

const { UNKNOWN_ID, startTestSimulator, withSimulator, call } = require('./helpers');

const INVALID_QUERY = { error: 'Invalid query parameters' };
const WORKFLOW_NOT_FOUND = { error: 'Workflow not found' };

function start(simulator, workflowId, input = {}) {
	return call(simulator, 'POST', `/v1/workflows/${workflowId}/runs`, { body: { input } });
}

describe('GET /v1/workflows', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('answers the seeded workflows as {id, name}, newest first, without their run plans', async () => {
		const [middle, oldest, newest] = simulator.seed('workflows', [
			{
				id: simulator.objectId('2026-02-01T00:00:00Z'),
				name: 'Screen a company',
				runOutcome: 'failed',
				runDurationMs: 10,
				runOutput: { memo: 'x' },
			},
			{ id: simulator.objectId('2026-01-01T00:00:00Z'), name: 'Draft a memo' },
			{ id: simulator.objectId('2026-03-01T00:00:00Z'), runDurationMs: 0 },
		]);
		const response = await call(simulator, 'GET', '/v1/workflows');
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			data: [
				{ id: newest.id },
				{ id: middle.id, name: 'Screen a company' },
				{ id: oldest.id, name: 'Draft a memo' },
			],
		});
		expect(Object.keys(response.body)).toEqual(['data']);
		expect(simulator.log.at(-1)).toMatchObject({ status: 200, outcome: 'ok', createdId: null });
	});

	test('no workflow: an empty list', async () => {
		const response = await call(simulator, 'GET', '/v1/workflows');
		expect([response.status, response.body]).toEqual([200, { data: [] }]);
	});

	test.each(['?page=1', '?limit=10', '?name=Screen', '?x', '?direction=desc'])(
		'answers 400 Invalid query parameters for %s (Metal documents none)',
		async (qs) => {
			simulator.seed('workflows', { name: 'Screen a company' });
			const response = await call(simulator, 'GET', `/v1/workflows${qs}`);
			expect([response.status, response.body]).toEqual([400, INVALID_QUERY]);
			expect(simulator.log.at(-1)).toMatchObject({
				outcome: 'invalid_query',
				invalid: expect.stringMatching(/^unknown field "/),
			});
		},
	);

	test('a bare "?" is no parameter', async () => {
		expect((await call(simulator, 'GET', '/v1/workflows?')).status).toBe(200);
	});

	test('401 without credentials', async () => {
		const response = await call(simulator, 'GET', '/v1/workflows', { auth: false });
		expect([response.status, response.body]).toEqual([
			401,
			{ error: 'invalid api key or clientId' },
		]);
	});
});

describe('GET /v1/workflows/{id}/runs', () => {
	test('the runs of that workflow only, newest first, each with its current status', () =>
		withSimulator({ runDurationMs: 60_000 }, async (simulator) => {
			const [screen, memo] = simulator.seed('workflows', [
				{ name: 'Screen', runDurationMs: 0 },
				{ name: 'Memo' },
			]);
			const first = (await start(simulator, screen.id, { company: 'Acme' })).body.data;
			const other = (await start(simulator, memo.id)).body.data;
			// The first run is over at once; the second one runs on.
			simulator.change('workflows', screen.id, { runDurationMs: 60_000 });
			const second = (await start(simulator, screen.id, { company: 'Beta' })).body.data;

			const response = await call(simulator, 'GET', `/v1/workflows/${screen.id}/runs`);
			expect(response.status).toBe(200);
			const { data: polled } = (await call(simulator, 'GET', `/v1/workflow-runs/${first.id}`)).body;
			expect(polled.status).toBe('completed');
			expect(response.body).toEqual({ data: [second, polled] });
			expect(second.status).toBe('running');

			const upper = await call(simulator, 'GET', `/v1/workflows/${memo.id.toUpperCase()}/runs`);
			expect(upper.body).toEqual({ data: [other] });
			expect(simulator.log.at(-1)).toMatchObject({ status: 200, outcome: 'ok' });
		}));

	test('a workflow without runs: an empty list', () =>
		withSimulator({}, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const response = await call(simulator, 'GET', `/v1/workflows/${workflow.id}/runs`);
			expect([response.status, response.body]).toEqual([200, { data: [] }]);
		}));

	test('a run cancelled through /_sim shows as cancelled; runStatusCase applies', () =>
		withSimulator({ runStatusCase: 'upper', runDurationMs: 60_000 }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const run = (await start(simulator, workflow.id)).body.data;
			simulator.change('workflow-runs', run.id, { status: 'CANCELLED' });
			const response = await call(simulator, 'GET', `/v1/workflows/${workflow.id}/runs`);
			expect(response.body.data.map((listed) => listed.status)).toEqual(['CANCELLED']);
		}));

	test.each([
		['an unknown workflow', UNKNOWN_ID],
		['a malformed id', 'screening'],
	])('answers 404 Workflow not found for %s', (_label, id) =>
		withSimulator({}, async (simulator) => {
			simulator.seed('workflows', {});
			const response = await call(simulator, 'GET', `/v1/workflows/${id}/runs`);
			expect([response.status, response.body]).toEqual([404, WORKFLOW_NOT_FOUND]);
			expect(simulator.log.at(-1)).toMatchObject({ outcome: 'not_found' });
		}),
	);

	test('with openWorkflows any 24-hex id is a workflow', () =>
		withSimulator({ openWorkflows: true, runDurationMs: 60_000 }, async (simulator) => {
			const empty = await call(simulator, 'GET', `/v1/workflows/${UNKNOWN_ID}/runs`);
			expect([empty.status, empty.body]).toEqual([200, { data: [] }]);
			const run = (await start(simulator, UNKNOWN_ID)).body.data;
			const listed = await call(simulator, 'GET', `/v1/workflows/${UNKNOWN_ID}/runs`);
			expect(listed.body).toEqual({ data: [run] });
			const malformed = await call(simulator, 'GET', '/v1/workflows/screening/runs');
			expect([malformed.status, malformed.body]).toEqual([404, WORKFLOW_NOT_FOUND]);
		}));

	test('any query parameter is a 400, checked before the workflow', () =>
		withSimulator({}, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			for (const path of [
				`/v1/workflows/${workflow.id}/runs?status=running`,
				`/v1/workflows/${UNKNOWN_ID}/runs?limit=1`,
			]) {
				const response = await call(simulator, 'GET', path);
				expect([path, response.status, response.body]).toEqual([path, 400, INVALID_QUERY]);
			}
		}));

	test('faultRoutes can name listWorkflowRuns and listWorkflows', () =>
		withSimulator({ failRate: 1, faultRoutes: ['listWorkflowRuns'] }, async (simulator) => {
			const workflow = simulator.seed('workflows', {});
			const failed = await call(simulator, 'GET', `/v1/workflows/${workflow.id}/runs`);
			expect([failed.status, failed.body]).toEqual([500, { error: 'Internal server error' }]);
			expect(simulator.log.at(-1)).toMatchObject({ outcome: 'failed' });
			expect((await call(simulator, 'GET', '/v1/workflows')).status).toBe(200);
		}));

	test('faultRoutes: a reset on listWorkflows drops the connection', () =>
		withSimulator({ resetRate: 1, faultRoutes: ['listWorkflows'] }, async (simulator) => {
			const error = await call(simulator, 'GET', '/v1/workflows').catch((caught) => caught);
			expect(error).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
			expect(simulator.log.at(-1)).toMatchObject({ status: null, outcome: 'reset' });
		}));
});
