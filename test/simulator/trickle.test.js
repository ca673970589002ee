'use strict';

const { startTestSimulator, call, wait } = require('./helpers');

/** Reads a response body chunk by chunk: { text, chunks, headersMs, totalMs }. */
async function timedRead(url, init) {
	const started = performance.now();
	const response = await fetch(url, init);
	const headersMs = performance.now() - started;
	const decoder = new TextDecoder();
	let text = '';
	let chunks = 0;
	for await (const chunk of response.body) {
		chunks += 1;
		text += decoder.decode(chunk, { stream: true });
	}
	return { status: response.status, text, chunks, headersMs, totalMs: performance.now() - started };
}

describe('trickleMs', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator({ trickleMs: 25 });
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('sends the headers at once, then the body one byte every trickleMs', async () => {
		const read = await timedRead(`${simulator.url}/v1/no-such-route`, {
			headers: simulator.authHeaders,
		});
		expect(read.status).toBe(404);
		expect(read.text).toBe('{"error":"Not found"}');
		expect(read.headersMs).toBeLessThan(300);
		// 21 bytes: 20 gaps of 25 ms. Timers may fire a little early; a missing trickle would be ~0.
		expect(read.totalMs).toBeGreaterThanOrEqual(20 * 25 - 20);
		expect(read.chunks).toBeGreaterThan(10);
	});

	test('applies to error answers too, not to /_sim', async () => {
		const started = performance.now();
		const unauthorized = await call(simulator, 'GET', '/v1/keys/current', { auth: false });
		expect(unauthorized.status).toBe(401);
		expect(performance.now() - started).toBeGreaterThanOrEqual(35 * 25 - 20);

		const control = performance.now();
		expect((await call(simulator, 'GET', '/_sim/health', { auth: false })).status).toBe(200);
		expect(performance.now() - control).toBeLessThan(300);
	});

	test('a client that gives up mid-body does not disturb the server', async () => {
		const error = await fetch(`${simulator.url}/v1/keys/current`, {
			headers: simulator.authHeaders,
			signal: AbortSignal.timeout(100),
		})
			.then((response) => response.text())
			.catch((caught) => caught);
		expect(error.name).toBe('TimeoutError');
		await wait(50);
		expect((await call(simulator, 'GET', '/_sim/health', { auth: false })).status).toBe(200);
		expect(simulator.log.map((entry) => entry.status)).toEqual([200]);
	});
});

test('close() cuts a trickling answer short', async () => {
	const simulator = await startTestSimulator({ trickleMs: 10_000 });
	const pending = fetch(`${simulator.url}/v1/keys/current`, { headers: simulator.authHeaders })
		.then((response) => response.text())
		.catch((error) => error);
	await wait(100);
	const started = performance.now();
	await simulator.close();
	expect(performance.now() - started).toBeLessThan(1000);
	// The body stream ends mid-way: fetch reports a network failure, not a short JSON text.
	expect(await pending).toMatchObject({ name: 'TypeError', message: 'terminated' });
});

test('trickleMs 0 writes the body at once (the default)', async () => {
	const simulator = await startTestSimulator();
	try {
		const read = await timedRead(`${simulator.url}/v1/keys/current`, {
			headers: simulator.authHeaders,
		});
		expect(read.status).toBe(200);
		expect(read.chunks).toBe(1);
	} finally {
		await simulator.close();
	}
});
