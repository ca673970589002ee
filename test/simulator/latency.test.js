'use strict';

const { startTestSimulator, call } = require('./helpers');

async function timed(promise) {
	const started = performance.now();
	const response = await promise;
	return { response, elapsed: performance.now() - started };
}

describe('latencyMs', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator({ latencyMs: 150 });
	});
	afterAll(() => simulator.close());

	test('delays every /v1 answer, errors included', async () => {
		const ok = await timed(call(simulator, 'GET', '/v1/keys/current'));
		const unauthorized = await timed(call(simulator, 'GET', '/v1/keys/current', { auth: false }));
		expect(ok.response.status).toBe(200);
		expect(unauthorized.response.status).toBe(401);
		// Timers may fire a millisecond early; 145 leaves room for that, not for a missing delay.
		expect(ok.elapsed).toBeGreaterThanOrEqual(145);
		expect(unauthorized.elapsed).toBeGreaterThanOrEqual(145);
	});

	test('does not delay the /_sim control endpoints', async () => {
		const slow = await startTestSimulator({ latencyMs: 5000 });
		try {
			const health = await timed(call(slow, 'GET', '/_sim/health', { auth: false }));
			expect(health.response.status).toBe(200);
			expect(health.elapsed).toBeLessThan(2000);
		} finally {
			await slow.close();
		}
	});
});
