'use strict';

const { API_ROUTES } = require('../../tools/metal-simulator/api-routes');
const { startTestSimulator, call } = require('./helpers');

const UNAUTHORIZED = { error: 'invalid api key or clientId' };

describe('authentication', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	const endpoints = [
		['POST', '/v1/workspaces', { name: 'Atlas' }],
		['GET', '/v1/workspaces/665f1c2a9b1e4a0012a3b4c5', undefined],
		['POST', '/v1/workspaces/search', { query: 'Atlas' }],
		['GET', '/v1/keys/current', undefined],
		['GET', '/v1/no-such-route', undefined],
		// Every other route, with a body it would accept.
		...API_ROUTES.filter(
			(route) => !route.path.startsWith('/v1/workspaces') && route.name !== 'getCurrentKey',
		).map((route) => [
			route.method,
			route.path.replace(/\{\w+\}/, '665f1c2a9b1e4a0012a3b4c5'),
			route.method === 'GET' ? undefined : {},
		]),
	];

	test.each(endpoints)('%s %s without credentials answers 401', async (method, path, body) => {
		const response = await call(simulator, method, path, { body, auth: false });
		expect(response.status).toBe(401);
		expect(response.body).toEqual(UNAUTHORIZED);
		for (const resource of simulator.resources) expect(simulator.records(resource)).toEqual([]);
	});

	test('the default credentials are ci_local_simulator / sk_local_simulator', () => {
		expect(simulator.credentials).toEqual({
			clientId: 'ci_local_simulator',
			apiKey: 'sk_local_simulator',
		});
	});

	test.each([
		['only the client id', { 'x-metal-client-id': 'ci_local_simulator' }],
		['only the api key', { 'x-metal-api-key': 'sk_local_simulator' }],
		[
			'a wrong api key',
			{ 'x-metal-client-id': 'ci_local_simulator', 'x-metal-api-key': 'sk_wrong' },
		],
		[
			'a wrong client id',
			{ 'x-metal-client-id': 'ci_wrong', 'x-metal-api-key': 'sk_local_simulator' },
		],
		[
			'the two values swapped',
			{ 'x-metal-client-id': 'sk_local_simulator', 'x-metal-api-key': 'ci_local_simulator' },
		],
	])('%s answers 401', async (_label, headers) => {
		const response = await call(simulator, 'GET', '/v1/keys/current', { auth: false, headers });
		expect(response.status).toBe(401);
		expect(response.body).toEqual(UNAUTHORIZED);
	});

	test('both right headers answer 200', async () => {
		const response = await call(simulator, 'GET', '/v1/keys/current');
		expect(response.status).toBe(200);
	});
});

describe('configured credentials', () => {
	test('options set the expected pair', async () => {
		const simulator = await startTestSimulator({ clientId: 'ci_custom', apiKey: 'sk_custom' });
		try {
			const ok = await call(simulator, 'GET', '/v1/keys/current', {
				auth: false,
				headers: { 'x-metal-client-id': 'ci_custom', 'x-metal-api-key': 'sk_custom' },
			});
			expect(ok.status).toBe(200);
			const defaults = await call(simulator, 'GET', '/v1/keys/current', {
				auth: false,
				headers: {
					'x-metal-client-id': 'ci_local_simulator',
					'x-metal-api-key': 'sk_local_simulator',
				},
			});
			expect(defaults.status).toBe(401);
		} finally {
			await simulator.close();
		}
	});

	test('METAL_SIM_CLIENT_ID and METAL_SIM_API_KEY set it, and options win over them', async () => {
		const env = { METAL_SIM_CLIENT_ID: 'ci_from_env', METAL_SIM_API_KEY: 'sk_from_env' };
		const fromEnv = await startTestSimulator({ env });
		const overridden = await startTestSimulator({ env, apiKey: 'sk_from_option' });
		try {
			expect(fromEnv.credentials).toEqual({ clientId: 'ci_from_env', apiKey: 'sk_from_env' });
			expect((await call(fromEnv, 'GET', '/v1/keys/current')).status).toBe(200);
			expect(overridden.credentials).toEqual({ clientId: 'ci_from_env', apiKey: 'sk_from_option' });
		} finally {
			await Promise.all([fromEnv.close(), overridden.close()]);
		}
	});
});

describe('revokeAfter', () => {
	test('the key works for N requests, then answers 401 until reset', async () => {
		const simulator = await startTestSimulator({ revokeAfter: 2 });
		try {
			const statuses = [];
			for (let i = 0; i < 4; i += 1) {
				statuses.push((await call(simulator, 'GET', '/v1/keys/current')).status);
			}
			expect(statuses).toEqual([200, 200, 401, 401]);
			const revoked = await call(simulator, 'POST', '/v1/workspaces', { body: { name: 'Late' } });
			expect(revoked.status).toBe(401);
			expect(revoked.body).toEqual(UNAUTHORIZED);
			expect(simulator.workspaces()).toEqual([]);
			expect(simulator.log.map((entry) => entry.outcome)).toEqual([
				'ok',
				'ok',
				'revoked',
				'revoked',
				'revoked',
			]);

			simulator.reset();
			expect((await call(simulator, 'GET', '/v1/keys/current')).status).toBe(200);
		} finally {
			await simulator.close();
		}
	});
});
