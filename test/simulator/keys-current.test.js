'use strict';

const { ISO_UTC, OBJECT_ID, startTestSimulator, call } = require('./helpers');

describe('GET /v1/keys/current', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator({
			clientId: 'ci_key_test',
			apiKey: 'sk_very_secret_value_9f3c',
		});
	});
	afterAll(() => simulator.close());

	test('answers the key metadata without the secret', async () => {
		const response = await fetch(`${simulator.url}/v1/keys/current`, {
			headers: simulator.authHeaders,
		});
		const text = await response.text();
		expect(response.status).toBe(200);
		expect(JSON.parse(text)).toEqual({
			data: {
				id: expect.stringMatching(OBJECT_ID),
				name: 'Local simulator key',
				keyLastFour: '9f3c',
				clientId: 'ci_key_test',
				createdAt: expect.stringMatching(ISO_UTC),
			},
		});
		expect(text).not.toContain('sk_very_secret_value_9f3c');
	});

	test('answers the same key on every call', async () => {
		const first = await call(simulator, 'GET', '/v1/keys/current');
		const second = await call(simulator, 'GET', '/v1/keys/current');
		expect(second.body).toEqual(first.body);
	});
});
