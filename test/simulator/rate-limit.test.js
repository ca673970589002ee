'use strict';

const { startTestSimulator, call, createWorkspace, wait } = require('./helpers');

const RATE_LIMITED = { error: 'rate limit exceeded' };

async function statusesOf(simulator, count) {
	const statuses = [];
	for (let i = 0; i < count; i += 1) {
		statuses.push((await call(simulator, 'GET', '/v1/keys/current')).status);
	}
	return statuses;
}

describe('rate limit (token bucket)', () => {
	test('allows the burst, then answers 429 without Retry-After by default', async () => {
		const simulator = await startTestSimulator({ rateLimit: 1, burst: 2 });
		try {
			expect(await statusesOf(simulator, 2)).toEqual([200, 200]);
			const limited = await createWorkspace(simulator, { name: 'Too fast' });
			expect(limited.status).toBe(429);
			expect(limited.body).toEqual(RATE_LIMITED);
			expect(limited.headers.get('retry-after')).toBeNull();
			expect(simulator.workspaces()).toEqual([]);
			expect(simulator.log.map((entry) => entry.outcome)).toEqual(['ok', 'ok', 'rate_limited']);
		} finally {
			await simulator.close();
		}
	});

	test('sends Retry-After when retryAfterSeconds is set', async () => {
		const simulator = await startTestSimulator({ rateLimit: 1, burst: 1, retryAfterSeconds: 3 });
		try {
			await call(simulator, 'GET', '/v1/keys/current');
			const limited = await call(simulator, 'GET', '/v1/keys/current');
			expect(limited.status).toBe(429);
			expect(limited.body).toEqual(RATE_LIMITED);
			expect(limited.headers.get('retry-after')).toBe('3');
		} finally {
			await simulator.close();
		}
	});

	test.each([
		[3600, '3600'],
		[1.5, '1.5'],
		[0, '0'],
	])('retryAfterSeconds %p is sent as Retry-After: %s', async (retryAfterSeconds, header) => {
		const simulator = await startTestSimulator({ rateLimit: 0.001, burst: 1, retryAfterSeconds });
		try {
			await call(simulator, 'GET', '/v1/keys/current');
			const limited = await call(simulator, 'GET', '/v1/keys/current');
			expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, header]);
		} finally {
			await simulator.close();
		}
	});

	test('retryAfterHttpDate sends an HTTP date retryAfterSeconds ahead (rounded up to the second)', async () => {
		const simulator = await startTestSimulator({
			rateLimit: 0.001,
			burst: 1,
			retryAfterSeconds: 86_400,
			retryAfterHttpDate: true,
		});
		try {
			await call(simulator, 'GET', '/v1/keys/current');
			const before = Date.now();
			const limited = await call(simulator, 'GET', '/v1/keys/current');
			const header = limited.headers.get('retry-after');
			expect(limited.status).toBe(429);
			// IMF-fixdate, the form RFC 9110 says a server sends.
			expect(header).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
			const wait = Date.parse(header) - before;
			expect(wait).toBeGreaterThanOrEqual(86_400_000 - 1000);
			expect(wait).toBeLessThanOrEqual(86_400_000 + 2000);
		} finally {
			await simulator.close();
		}
	});

	test('retryAfterHttpDate needs retryAfterSeconds', async () => {
		await expect(startTestSimulator({ retryAfterHttpDate: true })).rejects.toThrow(
			'retryAfterHttpDate needs retryAfterSeconds',
		);
	});

	test('refills at rateLimit tokens per second', async () => {
		const simulator = await startTestSimulator({ rateLimit: 4, burst: 1 });
		try {
			expect(await statusesOf(simulator, 2)).toEqual([200, 429]);
			await wait(300); // 4/s refills one token every 250 ms.
			expect(await statusesOf(simulator, 1)).toEqual([200]);
		} finally {
			await simulator.close();
		}
	});

	test('burst defaults to max(1, ceil(rateLimit))', async () => {
		const simulator = await startTestSimulator({ rateLimit: 0.5 });
		try {
			expect(simulator.config.burst).toBe(1);
			expect(await statusesOf(simulator, 2)).toEqual([200, 429]);
		} finally {
			await simulator.close();
		}
	});

	test('requests with bad credentials do not spend tokens; reset refills the bucket', async () => {
		const simulator = await startTestSimulator({ rateLimit: 1, burst: 1 });
		try {
			for (let i = 0; i < 3; i += 1) {
				expect((await call(simulator, 'GET', '/v1/keys/current', { auth: false })).status).toBe(
					401,
				);
			}
			expect(await statusesOf(simulator, 2)).toEqual([200, 429]);
			simulator.reset();
			expect(await statusesOf(simulator, 1)).toEqual([200]);
		} finally {
			await simulator.close();
		}
	});
});
