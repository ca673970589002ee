'use strict';

const { startTestSimulator, call } = require('./helpers');

describe('redirectTo', () => {
	let target;
	let redirecting;

	beforeAll(async () => {
		target = await startTestSimulator();
		redirecting = await startTestSimulator({ redirectTo: `${target.url}/` });
	});
	afterAll(() => Promise.all([target.close(), redirecting.close()]));
	beforeEach(() => {
		target.reset();
		redirecting.reset();
	});

	const manual = (path, init = {}) =>
		fetch(`${redirecting.url}${path}`, { redirect: 'manual', ...init });

	test('answers every /v1 request 302 to redirectTo plus its path and query, before checking the key', async () => {
		for (const headers of [redirecting.authHeaders, {}]) {
			const response = await manual('/v1/keys/current?probe=1', { headers });
			expect(response.status).toBe(302);
			expect(response.headers.get('location')).toBe(`${target.url}/v1/keys/current?probe=1`);
			expect(await response.text()).toBe('');
		}
		const post = await manual('/v1/workspaces', {
			method: 'POST',
			headers: { ...redirecting.authHeaders, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'Atlas' }),
		});
		expect(post.status).toBe(302);
		expect(redirecting.workspaces()).toEqual([]);
		expect(target.log).toEqual([]);
		expect(redirecting.log.map((entry) => [entry.status, entry.outcome])).toEqual([
			[302, 'redirected'],
			[302, 'redirected'],
			[302, 'redirected'],
		]);
	});

	test('a client that follows takes its headers to the other address (what the node must not do)', async () => {
		const followed = await call(redirecting, 'GET', '/v1/keys/current');
		expect(followed.status).toBe(200);
		expect(target.log).toHaveLength(1);
		expect(target.log[0]).toMatchObject({ path: '/v1/keys/current', apiKeyMatched: true });
	});

	test('paths outside /v1 and /_sim are not redirected', async () => {
		expect((await manual('/')).status).toBe(404);
		const health = await call(redirecting, 'GET', '/_sim/health', { auth: false });
		expect([health.status, health.body]).toEqual([200, { status: 'ok' }]);
	});
});

describe('redirectStatus', () => {
	test.each([301, 303, 307, 308])('answers %i when asked', async (redirectStatus) => {
		const simulator = await startTestSimulator({
			redirectTo: 'http://127.0.0.1:9',
			redirectStatus,
		});
		try {
			const response = await fetch(`${simulator.url}/v1/deals`, { redirect: 'manual' });
			expect(response.status).toBe(redirectStatus);
			expect(response.headers.get('location')).toBe('http://127.0.0.1:9/v1/deals');
		} finally {
			await simulator.close();
		}
	});

	test.each([
		[{ redirectTo: 'ftp://127.0.0.1' }, /redirectTo \(option\) must be an http or https URL/],
		[{ redirectTo: 'http://127.0.0.1/?a=1' }, /without query or fragment/],
		[{ redirectTo: 'not a url' }, /redirectTo/],
		[{ redirectStatus: 304 }, /redirectStatus \(option\) must be one of 301, 302, 303, 307, 308/],
	])('refuses %j', async (options, message) => {
		await expect(startTestSimulator(options)).rejects.toThrow(message);
	});
});
