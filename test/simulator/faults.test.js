'use strict';

const { ROUTE_NAMES } = require('../../tools/metal-simulator/api-routes');
const { KNOBS } = require('../../tools/metal-simulator/config');
const { createPrng } = require('../../tools/metal-simulator/prng');
const {
	startTestSimulator,
	withSimulator,
	call,
	createWorkspace,
	expectNetworkFailure,
	waitUntil,
} = require('./helpers');

const INTERNAL_ERROR = { error: 'Internal server error' };

/** Status of each create, or 'reset' when the connection was dropped without an answer. */
async function createStatuses(simulator, count) {
	const statuses = [];
	for (let i = 0; i < count; i += 1) {
		try {
			statuses.push((await createWorkspace(simulator, { name: `Workspace ${i}` })).status);
		} catch {
			statuses.push('reset');
		}
	}
	return statuses;
}

describe('failRate', () => {
	test('answers 500 before storing by default', () =>
		withSimulator({ failRate: 1 }, async (simulator) => {
			const response = await createWorkspace(simulator, { name: 'Atlas' });
			expect(response.status).toBe(500);
			expect(response.body).toEqual(INTERNAL_ERROR);
			expect(simulator.workspaces()).toEqual([]);
			expect(simulator.log.at(-1)).toMatchObject({
				status: 500,
				outcome: 'failed',
				workspaceId: null,
			});
		}));

	test('with failAfterCreate, stores the workspace and still answers 500', () =>
		withSimulator({ failRate: 1, failAfterCreate: true }, async (simulator) => {
			const response = await createWorkspace(simulator, { name: 'Atlas' });
			expect(response.status).toBe(500);
			expect(response.body).toEqual(INTERNAL_ERROR);
			const stored = simulator.workspaces();
			expect(stored.map((workspace) => workspace.name)).toEqual(['Atlas']);
			expect(simulator.log.at(-1)).toMatchObject({
				status: 500,
				outcome: 'failed',
				workspaceId: stored[0].id,
			});
		}));
});

describe('resetRate', () => {
	test('drops the connection without an answer and without storing by default', () =>
		withSimulator({ resetRate: 1 }, async (simulator) => {
			const error = await createWorkspace(simulator, { name: 'Atlas' }).catch((e) => e);
			expectNetworkFailure(error);
			expect(error.cause.code).toBe('ECONNRESET');
			expect(simulator.workspaces()).toEqual([]);
			expect(simulator.log.at(-1)).toMatchObject({
				status: null,
				outcome: 'reset',
				workspaceId: null,
			});
		}));

	test('with resetAfterCreate, stores the workspace before dropping the connection', () =>
		withSimulator({ resetRate: 1, resetAfterCreate: true }, async (simulator) => {
			expectNetworkFailure(await createWorkspace(simulator, { name: 'Atlas' }).catch((e) => e));
			const stored = simulator.workspaces();
			expect(stored).toHaveLength(1);
			expect(simulator.log.at(-1)).toMatchObject({ outcome: 'reset', workspaceId: stored[0].id });
		}));
});

describe('slowRate', () => {
	test('stores at once but holds the answer back by slowMs', () =>
		withSimulator({ slowRate: 1, slowMs: 300 }, async (simulator) => {
			let answered = false;
			const pending = createWorkspace(simulator, { name: 'Atlas' }).finally(() => {
				answered = true;
			});
			await waitUntil(() => simulator.workspaces().length === 1);
			const storedAt = performance.now();
			// Stored while the client still waits: a client timeout here leaves a workspace behind.
			expect(answered).toBe(false);

			const response = await pending;
			expect(performance.now() - storedAt).toBeGreaterThanOrEqual(250);
			expect(response.status).toBe(201);
			expect(response.body.data.id).toBe(simulator.workspaces()[0].id);
			expect(simulator.log.at(-1)).toMatchObject({
				status: 201,
				outcome: 'slow',
				workspaceId: response.body.data.id,
			});
		}));
});

describe('seeded fault sequence', () => {
	const options = { failRate: 0.3, resetRate: 0.2, seed: 42 };

	function expectedStatuses(count) {
		const nextRandom = createPrng(options.seed);
		return Array.from({ length: count }, () => {
			const roll = nextRandom();
			if (roll < 0.3) return 500;
			return roll < 0.5 ? 'reset' : 201;
		});
	}

	test('is fixed by the seed, the same on every server and again after reset', async () => {
		const expected = expectedStatuses(20);
		expect(expected).toEqual(expect.arrayContaining([500, 'reset', 201]));

		await withSimulator(options, async (first) => {
			expect(await createStatuses(first, 20)).toEqual(expected);
			first.reset();
			expect(await createStatuses(first, 20)).toEqual(expected);
		});
		await withSimulator(options, async (second) => {
			expect(await createStatuses(second, 20)).toEqual(expected);
		});
	});

	test('a different seed gives a different sequence', () =>
		withSimulator({ ...options, seed: 7 }, async (simulator) => {
			expect(await createStatuses(simulator, 20)).not.toEqual(expectedStatuses(20));
		}));
});

describe('faultRoutes', () => {
	test('limits faults to the named routes', () =>
		withSimulator({ failRate: 1, faultRoutes: ['createWorkspace'] }, async (simulator) => {
			expect((await createWorkspace(simulator, { name: 'Atlas' })).status).toBe(500);
			expect((await call(simulator, 'GET', '/v1/keys/current')).status).toBe(200);
			const search = await call(simulator, 'POST', '/v1/workspaces/search', {
				body: { query: 'Atlas' },
			});
			expect(search.status).toBe(200);
		}));
});

describe('faults on the other routes', () => {
	test('faultRoutes knows every route', () => {
		expect(ROUTE_NAMES).toEqual([
			'createWorkspace',
			'searchWorkspaces',
			'getWorkspace',
			'getCurrentKey',
			'createActivity',
			'searchActivities',
			'getActivity',
			'updateActivity',
			'listDeals',
			'searchDeals',
			'getDealByExternalId',
			'updateDeal',
			'listCompanies',
			'searchCompanies',
			'getCompanyByExternalId',
			'getCompany',
			'updateCompany',
			'searchPeople',
			'getPeopleByIds',
			'updatePerson',
			'searchDocuments',
			'listWorkflows',
			'startWorkflowRun',
			'listWorkflowRuns',
			'getWorkflowRun',
			'cancelWorkflowRun',
			'retryWorkflowRun',
			'rerunWorkflowRun',
			'createEnrichment',
			'createTag',
			'getScore',
		]);
		expect(KNOBS.find((knob) => knob.name === 'faultRoutes').allowed).toEqual(ROUTE_NAMES);
	});

	test('with failAfterCreate, an activity is stored and the log names it', () =>
		withSimulator({ failRate: 1, failAfterCreate: true }, async (simulator) => {
			const response = await call(simulator, 'POST', '/v1/activities', {
				body: { subject: 'Call' },
			});
			expect([response.status, response.body]).toEqual([500, INTERNAL_ERROR]);
			const [activity] = simulator.records('activities');
			expect(simulator.log.at(-1)).toMatchObject({
				outcome: 'failed',
				createdId: activity.id,
				workspaceId: null,
			});
		}));

	test('an update fails before it is applied, or after with failAfterCreate', async () => {
		for (const [failAfterCreate, stage] of [
			[false, 'SOURCED'],
			[true, 'DEAD'],
		]) {
			await withSimulator({ failRate: 1, failAfterCreate }, async (simulator) => {
				const deal = simulator.seed('deals', { stage: 'SOURCED' });
				const response = await call(simulator, 'PUT', `/v1/deals/${deal.id}`, {
					body: { stage: 'DEAD' },
				});
				expect(response.status).toBe(500);
				expect(simulator.record('deals', deal.id).stage).toBe(stage);
			});
		}
	});

	test('a slow workflow start has started the run before the answer', () =>
		withSimulator(
			{ slowRate: 1, slowMs: 200, faultRoutes: ['startWorkflowRun'] },
			async (simulator) => {
				const workflow = simulator.seed('workflows', {});
				const pending = call(simulator, 'POST', `/v1/workflows/${workflow.id}/runs`, {
					body: { input: {} },
				});
				await waitUntil(() => simulator.records('workflow-runs').length === 1);
				const response = await pending;
				expect(response.status).toBe(201);
				expect(simulator.log.at(-1)).toMatchObject({
					outcome: 'slow',
					createdId: response.body.data.id,
				});
			},
		));
});

describe('fault knob validation', () => {
	test.each([
		[{ failRate: 1.5 }, /failRate \(option\) must be a number in 0\.\.1/],
		[{ failRate: 0.6, resetRate: 0.3, slowRate: 0.2 }, /must not exceed 1/],
		[{ faultRoutes: ['deleteWorkspace'] }, /faultRoutes/],
		[{ failrate: 1 }, /unknown option "failrate"/],
	])('rejects %j', async (knobs, message) => {
		await expect(startTestSimulator(knobs)).rejects.toThrow(message);
	});
});
