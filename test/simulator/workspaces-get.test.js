'use strict';

const { startTestSimulator, call, createWorkspace } = require('./helpers');

describe('GET /v1/workspaces/{id}', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('answers 200 with the stored workspace', async () => {
		const created = await createWorkspace(simulator, { name: 'Atlas', company: 'Acme' });
		const response = await call(simulator, 'GET', `/v1/workspaces/${created.body.data.id}`);
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ data: created.body.data });
	});

	test.each([
		['an unknown id', '665f1c2a9b1e4a0012a3b4c5'],
		['a malformed id', 'not-an-id'],
		['an encoded id', '%E0%A4%A'],
	])('answers 404 Workspace not found for %s', async (_label, id) => {
		await createWorkspace(simulator, { name: 'Atlas' });
		const response = await call(simulator, 'GET', `/v1/workspaces/${id}`);
		expect(response.status).toBe(404);
		expect(response.body).toEqual({ error: 'Workspace not found' });
	});

	test('does not find a workspace removed by reset', async () => {
		const created = await createWorkspace(simulator, { name: 'Atlas' });
		simulator.reset();
		const response = await call(simulator, 'GET', `/v1/workspaces/${created.body.data.id}`);
		expect(response.status).toBe(404);
	});

	test('returns a copy: editing an answer does not change the store', async () => {
		const created = await createWorkspace(simulator, { name: 'Atlas' });
		simulator.workspaces()[0].name = 'Changed';
		const response = await call(simulator, 'GET', `/v1/workspaces/${created.body.data.id}`);
		expect(response.body.data.name).toBe('Atlas');
	});
});
