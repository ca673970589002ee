'use strict';

const { API_ROUTES } = require('../../tools/metal-simulator/api-routes');
const { startTestSimulator, call, createWorkspace } = require('./helpers');

const NOT_FOUND = { error: 'Not found' };

describe('the route table', () => {
	test('serves exactly the operations of the README route table', () => {
		expect(API_ROUTES.map((route) => `${route.method} ${route.path}`)).toEqual([
			'POST /v1/workspaces',
			'POST /v1/workspaces/search',
			'GET /v1/workspaces/{id}',
			'GET /v1/keys/current',
			'POST /v1/activities',
			'POST /v1/activities/search',
			'GET /v1/activities/{id}',
			'PUT /v1/activities/{id}',
			'GET /v1/deals',
			'POST /v1/deals/search',
			'GET /v1/deals/externalId={externalId}',
			'PUT /v1/deals/{id}',
			'GET /v1/companies',
			'POST /v1/companies/search',
			'GET /v1/companies/externalId={externalId}',
			'GET /v1/companies/{id}',
			'PUT /v1/companies/{id}',
			'POST /v1/people/search',
			'GET /v1/people/ids={ids}',
			'PUT /v1/people/{id}',
			'POST /v1/documents/search',
			'GET /v1/workflows',
			'POST /v1/workflows/{id}/runs',
			'GET /v1/workflows/{id}/runs',
			'GET /v1/workflow-runs/{id}',
			'POST /v1/workflow-runs/{id}/cancel',
			'POST /v1/workflow-runs/{id}/retry',
			'POST /v1/workflow-runs/{id}/rerun',
			'POST /v1/enrichments',
			'POST /v1/tags',
			'GET /v1/scores/{id}',
		]);
	});
});

describe('routing', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	// Metal documents these (GUIDE or REF-md-head rows) without a schema: not simulated.
	test.each([
		['POST', '/v1/keys'],
		['GET', '/v1/keys'],
		['GET', '/v1/workspaces/abc/extra'],
		['GET', '/v1/workspaces/'],
		['GET', '/v1/people/externalId=crm-1'],
		['GET', '/v1/deals/externalReference=crm-1'],
		['GET', '/v1/deals/externalId=crm-1/extra'],
		['GET', '/v1/documents/search'],
		['POST', '/v1/documents'],
		['GET', '/v1/workflows/665f1c2a9b1e4a0012a3b4c5'],
		['GET', '/v1/workflows/665f1c2a9b1e4a0012a3b4c5/versions'],
		['POST', '/v1/workflow-runs/665f1c2a9b1e4a0012a3b4c5/pause'],
		['GET', '/v1/workflow-runs/665f1c2a9b1e4a0012a3b4c5/cancel'],
		['GET', '/v1/enrichments'],
		['GET', '/v1/tags'],
	])('unknown route %s %s answers 404 Not found', async (method, path) => {
		const response = await call(simulator, method, path);
		expect(response.status).toBe(404);
		expect(response.body).toEqual(NOT_FOUND);
	});

	// A known path with another method is treated as unknown (404), like an Express router.
	test.each([
		['GET', '/v1/workspaces'],
		['DELETE', '/v1/workspaces'],
		['PUT', '/v1/keys/current'],
		['DELETE', '/v1/workspaces/665f1c2a9b1e4a0012a3b4c5'],
		['POST', '/v1/deals'],
		['GET', '/v1/people/665f1c2a9b1e4a0012a3b4c5'],
		['GET', '/v1/deals/665f1c2a9b1e4a0012a3b4c5'],
		['DELETE', '/v1/deals/665f1c2a9b1e4a0012a3b4c5'],
		['POST', '/v1/companies'],
		['PATCH', '/v1/activities/665f1c2a9b1e4a0012a3b4c5'],
		['POST', '/v1/workflows'],
		['DELETE', '/v1/workflows/665f1c2a9b1e4a0012a3b4c5/runs'],
		['PUT', '/v1/tags'],
		['PUT', '/v1/scores/665f1c2a9b1e4a0012a3b4c5'],
	])('wrong method %s %s answers 404 Not found', async (method, path) => {
		const response = await call(simulator, method, path);
		expect(response.status).toBe(404);
		expect(response.body).toEqual(NOT_FOUND);
	});

	test.each(['/', '/v2/workspaces', '/favicon.ico'])(
		'a path outside /v1 (%s) answers 404 without asking for credentials',
		async (path) => {
			const response = await call(simulator, 'GET', path, { auth: false });
			expect(response.status).toBe(404);
			expect(response.body).toEqual(NOT_FOUND);
		},
	);

	test('ignores the query string when routing', async () => {
		const response = await call(simulator, 'GET', '/v1/keys/current?verbose=1');
		expect(response.status).toBe(200);
		expect(simulator.log.at(-1).path).toBe('/v1/keys/current?verbose=1');
	});
});

describe('/_sim control endpoints (simulator only)', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator({ failRate: 1, latencyMs: 0, rateLimit: 1, burst: 1 });
	});
	afterAll(() => simulator.close());

	test('need no credentials, bypass faults and rate limits, and are not logged', async () => {
		simulator.reset();
		const responses = [];
		for (let i = 0; i < 3; i += 1) {
			responses.push(await call(simulator, 'GET', '/_sim/health', { auth: false }));
		}
		expect(responses.map((response) => [response.status, response.body])).toEqual([
			[200, { status: 'ok' }],
			[200, { status: 'ok' }],
			[200, { status: 'ok' }],
		]);
		expect(simulator.log).toEqual([]);
	});

	test('GET /_sim/workspaces lists stored workspaces oldest first; POST /_sim/reset empties them', async () => {
		const plain = await startTestSimulator();
		try {
			const first = (await createWorkspace(plain, { name: 'First' })).body.data;
			const second = (await createWorkspace(plain, { name: 'Second' })).body.data;

			const listed = await call(plain, 'GET', '/_sim/workspaces', { auth: false });
			expect(listed.status).toBe(200);
			expect(listed.body).toEqual({ data: [first, second] });

			const log = await call(plain, 'GET', '/_sim/log', { auth: false });
			expect(log.status).toBe(200);
			expect(log.body).toEqual({ data: plain.log });
			expect(log.body.data).toHaveLength(2);

			const reset = await call(plain, 'POST', '/_sim/reset', { auth: false });
			expect(reset.status).toBe(204);
			expect(reset.body).toBeNull();
			expect((await call(plain, 'GET', '/_sim/workspaces', { auth: false })).body).toEqual({
				data: [],
			});
			expect((await call(plain, 'GET', '/_sim/log', { auth: false })).body).toEqual({ data: [] });
		} finally {
			await plain.close();
		}
	});

	test.each([
		['GET', '/_sim'],
		['GET', '/_sim/nothing'],
		['GET', '/_sim/reset'],
		['POST', '/_sim/health'],
	])('unknown control route %s %s answers 404', async (method, path) => {
		const response = await call(simulator, method, path, { auth: false });
		expect(response.status).toBe(404);
		expect(response.body).toEqual(NOT_FOUND);
	});
});
