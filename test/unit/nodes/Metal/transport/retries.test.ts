import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { interceptMetal } from '../../../../helpers/metalNock';
import { runProbe, thing, THING_ID } from '../../../../helpers/probe';
import { BASE_URL, CANARY_KEY, CREDENTIALS } from '../../../../helpers/runMetalNode';
import { useVirtualClock } from '../../../../helpers/virtualClock';

// Backoff waits are real seconds: a virtual clock records them instead. Everything else in
// n8n-workflow stays real.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;
const { sleep: realSleep } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
const clock = useVirtualClock(sleepMock);

const created = (body: unknown): [number, unknown] => [
	201,
	{ data: { id: THING_ID, ...(body as object) } },
];
const rateLimited = (
	headers?: Record<string, string>,
): [number, unknown, Record<string, string>?] => [429, { error: 'rate limit exceeded' }, headers];
const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const createA = { name: 'A' };

describe('rate limits (429) are retried by the node, for every effect', () => {
	it('429 then 201: one thing is created, after one backoff', async () => {
		const requests = interceptMetal({
			path: '/v1/things',
			times: 2,
			reply: (body, index) => (index === 0 ? rateLimited() : created(body)),
		});

		const { output, error } = await runProbe('create', { parameters: createA });

		expect(error).toBeUndefined();
		expect(requests.map((r) => r.body)).toEqual([createA, createA]);
		expect(output).toEqual([{ json: { id: THING_ID, name: 'A' }, pairedItem: { item: 0 } }]);
		expect(clock.waits()).toEqual([750]);
	});

	it.each([
		['whole seconds', '3', 3000],
		['decimal seconds', '1.5', 1500],
		['an HTTP date', 'Sun, 29 Nov 2026 10:00:04 GMT', 4000],
		// Garbage is ignored: the backoff applies, never "retry now".
		['"-1"', '-1', 750],
		['"+5"', '+5', 750],
		['"soon"', 'soon', 750],
	])('honours a Retry-After of %s', async (_, retryAfter, wait) => {
		interceptMetal({
			path: '/v1/things',
			times: 2,
			reply: (body, index) =>
				index === 0 ? rateLimited({ 'Retry-After': retryAfter }) : created(body),
		});

		const { output } = await runProbe('create', { parameters: createA });

		expect(output).toHaveLength(1);
		expect(clock.waits()).toEqual([wait]);
	});

	it('429 until the tries run out: five tries with growing waits, then a clear error', async () => {
		const requests = interceptMetal({ path: '/v1/things', times: 6, reply: () => rateLimited() });

		const { output, error } = await runProbe('create', { parameters: createA });

		expect(requests).toHaveLength(5);
		expect(clock.waits()).toEqual([750, 1500, 3000, 6000]);
		expect(output).toBeUndefined();
		expect(error?.message).toBe(
			"Metal's rate limit was still exceeded after 5 tries: rate limit exceeded",
		);
		expect(error?.description?.split('\n')[0]).toBe(
			"No thing was created. Metal limits requests per organization, shared by all its keys. Lower Max Concurrent Requests in the node's options, spread the work over time, or ask support@metal.ai for a higher limit.",
		);
		expect(JSON.stringify(error)).not.toContain(CANARY_KEY);
	});

	it.each(['update', 'get'] as const)('%s: 429 is retried the same way', async (operation) => {
		const method = operation === 'update' ? 'put' : 'get';
		const requests = interceptMetal({
			method,
			path: `/v1/things/${THING_ID}`,
			times: 2,
			reply: (_, index) => (index === 0 ? rateLimited() : [200, { data: { id: THING_ID } }]),
		});

		const { output } = await runProbe(operation, { parameters: { thingId: thing, name: 'A' } });

		expect(requests).toHaveLength(2);
		expect(output).toHaveLength(1);
		expect(clock.waits()).toEqual([750]);
	});
});

describe('a long Retry-After cannot stall the run', () => {
	it('a wait over the budget fails that request at once, saying how long Metal asked', async () => {
		const requests = interceptMetal({
			path: '/v1/things',
			times: 2,
			reply: () => rateLimited({ 'Retry-After': '3600' }),
		});

		const { error } = await runProbe('create', { parameters: createA });

		expect(requests).toHaveLength(1);
		expect(clock.waits()).toEqual([]);
		expect(error?.message).toBe(
			"Metal's rate limit was still exceeded after 1 try: rate limit exceeded",
		);
		expect(error?.description?.split('\n')[0]).toBe(
			"No thing was created. Metal asked to wait 3600 seconds before the next request. Metal limits requests per organization, shared by all its keys. Lower Max Concurrent Requests in the node's options, spread the work over time, or ask support@metal.ai for a higher limit.",
		);
	});

	it('an HTTP date a day ahead is no different', async () => {
		interceptMetal({
			path: '/v1/things',
			reply: () => rateLimited({ 'Retry-After': 'Mon, 30 Nov 2026 10:00:00 GMT' }),
		});

		const { error } = await runProbe('create', { parameters: createA });

		expect(clock.waits()).toEqual([]);
		expect(error?.description).toContain(
			'Metal asked to wait 86400 seconds before the next request.',
		);
	});

	it('with Continue On Fail, the other items fail at once too instead of sleeping an hour each', async () => {
		const requests = interceptMetal({
			path: '/v1/things',
			times: 5,
			reply: () => rateLimited({ 'Retry-After': '3600' }),
		});

		const { output } = await runProbe('create', {
			items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
			parameters: { name: '={{ $json.name }}', options: { maxConcurrency: 1 } },
			onError: 'continueRegularOutput',
		});

		// Only the first item was sent: the gate told the others Metal wants an hour, over their budget.
		expect(requests.map((r) => r.body)).toEqual([{ name: 'A' }]);
		expect(clock.waits()).toEqual([]);
		expect(output?.map((item) => item.json.error)).toEqual([
			"Metal's rate limit was still exceeded after 1 try: rate limit exceeded",
			"Metal's rate limit asks to wait 3600 seconds before the next request",
			"Metal's rate limit asks to wait 3600 seconds before the next request",
		]);
		expect(output?.[1].json.details).toBe(
			"No thing was created. The node waits at most 120 seconds per request. Metal limits requests per organization, shared by all its keys. Lower Max Concurrent Requests in the node's options, spread the work over time, or ask support@metal.ai for a higher limit.",
		);
	});

	it('a request never sleeps past its own remaining budget', async () => {
		// 30 s of Retry-After four times is 120 s: the fifth wait would pass the budget.
		const requests = interceptMetal({
			path: '/v1/things',
			times: 6,
			reply: () => rateLimited({ 'Retry-After': '40' }),
		});

		const { error } = await runProbe('create', { parameters: createA });

		expect(clock.waits()).toEqual([40_000, 40_000, 40_000]);
		expect(requests).toHaveLength(4);
		expect(error?.message).toBe(
			"Metal's rate limit was still exceeded after 4 tries: rate limit exceeded",
		);
	});
});

describe('a rate limit that never lifts cannot hold a run', () => {
	it('with Continue On Fail, each item ends within its budget and 15 sends', async () => {
		const requests = interceptMetal({
			path: '/v1/things',
			times: 1000,
			reply: () => rateLimited(),
		});
		// Waits take a five-hundredth of their time for real: concurrent waits overlap.
		clock.scaleWaits(500);
		const start = clock.now();

		const { output } = await runProbe('create', {
			items: Array.from({ length: 20 }, (_, n) => ({ name: `T${n}` })),
			parameters: { name: '={{ $json.name }}', options: { maxConcurrency: 5 } },
			onError: 'continueRegularOutput',
		});

		expect(output).toHaveLength(20);
		expect(output?.every((item) => typeof item.json.error === 'string')).toBe(true);
		const sends = new Map<string, number>();
		for (const r of requests) {
			const { name } = r.body as { name: string };
			sends.set(name, (sends.get(name) ?? 0) + 1);
		}
		expect(Math.max(...sends.values())).toBeLessThanOrEqual(15);
		// Four batches of five items, each item waiting two minutes at most.
		expect(clock.now() - start).toBeLessThanOrEqual(4 * 120_000 + 60_000);
		// No timer outlives the run: the waits for a turn that came another way are over.
		expect(clock.pending()).toBe(0);
	});
});

describe('after any wait, the request looks again before it sends', () => {
	it('a rate-limited item waiting to retry is not sent again once another item has failed', async () => {
		// Item 0 is rate-limited; while it waits, item 1 fails with a 400. Item 0 must not be re-sent.
		const requests = interceptMetal({
			path: '/v1/things',
			times: 4,
			reply: (body) =>
				(body as { name: string }).name === 'Limited'
					? rateLimited()
					: [400, { error: 'Invalid request body' }],
		});
		// Item 0's backoff really waits, long enough for item 1's answer to arrive, unless woken.
		sleepMock.mockImplementationOnce(async (ms, signal) => await realSleep(ms, signal));

		const { error } = await runProbe('create', {
			items: [{ name: 'Limited' }, { name: 'Rejected' }],
			parameters: { name: '={{ $json.name }}' },
		});

		expect(requests.map((r) => (r.body as { name: string }).name)).toEqual(['Limited', 'Rejected']);
		expect(error?.message).toBe('Metal rejected the request as invalid: Invalid request body');
		expect(error?.description?.split('\n').slice(2)).toEqual([
			'The run stopped at item 1.',
			'Created: none.',
			'Failed, nothing created: 1.',
			'Not created (never sent, or rate-limited and not sent again): 0.',
			'Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.',
		]);
	});

	it('a sleeper wakes as soon as the run stops, rather than when its wait is over', async () => {
		interceptMetal({
			path: '/v1/things',
			times: 2,
			reply: (body) =>
				(body as { name: string }).name === 'Limited'
					? rateLimited({ 'Retry-After': '60' })
					: [400, { error: 'Invalid request body' }],
		});
		// Item 0 sleeps for real; item 1 fails 50 ms later and stops the run.
		sleepMock.mockImplementationOnce(async (ms, signal) => await realSleep(ms, signal));
		const started = performance.now();

		await runProbe('create', {
			items: [{ name: 'Limited' }, { name: 'Rejected' }],
			parameters: { name: '={{ $json.name }}' },
		});

		expect(performance.now() - started).toBeLessThan(5_000);
	});

	it('a backoff that ends while another 429 closed the gate waits for the gate too', async () => {
		// A, B and C go out together. A gets a 429 and backs off 750 ms (it gets a place again when
		// C succeeds). While A sleeps, B's 429 arrives with Retry-After 5: the gate closes for 5 s.
		// A, waking, must look again and wait out the gate before it sends.
		const sentAt: Array<[string, number]> = [];
		interceptMetal({
			path: '/v1/things',
			times: 5,
			reply: async (body) => {
				const { name } = body as { name: string };
				sentAt.push([name, clock.now()]);
				const tries = sentAt.filter(([n]) => n === name).length;
				if (name === 'A' && tries === 1) return rateLimited();
				if (name === 'B' && tries === 1) {
					await realSleep(40);
					return rateLimited({ 'Retry-After': '5' });
				}
				if (name === 'C') await realSleep(10);
				return created(body);
			},
		});
		// Waits take a tenth of their time for real, so that B's 429 lands during A's backoff.
		clock.scaleWaits(10);
		const start = clock.now();

		const { output } = await runProbe('create', {
			items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
			parameters: { name: '={{ $json.name }}' },
		});

		expect(output).toHaveLength(3);
		// A: its backoff, then the rest of the gate's 5 s; B: the 5 s Metal asked for.
		expect(clock.waits()).toEqual(expect.arrayContaining([750, 4250, 5000]));
		const [, retryOfA] = sentAt.filter(([name]) => name === 'A')[1];
		expect(retryOfA - start).toBe(5000);
	});
});

describe('failures after which Metal may have acted', () => {
	it.each([
		[
			'a 500',
			() => interceptMetal({ path: '/v1/things', times: 2, reply: () => [500, { error: 'boom' }] }),
		],
		[
			'a dropped connection',
			() => void nock(BASE_URL).post('/v1/things').times(2).replyWithError(reset()),
		],
	])('create: %s is never retried', async (_, intercept) => {
		intercept();

		const { error } = await runProbe('create', { parameters: createA });

		expect(nock.pendingMocks()).toHaveLength(1);
		expect(clock.waits()).toEqual([]);
		expect(error?.description).toMatch(/^The thing may or may not have been created/);
	});

	it.each([
		['update', 'put'],
		['get', 'get'],
	] as const)('%s: a 500 is retried with a backoff, then succeeds', async (operation, method) => {
		const requests = interceptMetal({
			method,
			path: `/v1/things/${THING_ID}`,
			times: 3,
			reply: (_, index) =>
				index < 2 ? [503, { error: 'unavailable' }] : [200, { data: { id: THING_ID } }],
		});

		const { output } = await runProbe(operation, { parameters: { thingId: thing, name: 'A' } });

		expect(requests).toHaveLength(3);
		expect(clock.waits()).toEqual([750, 1500]);
		expect(output).toEqual([{ json: { id: THING_ID }, pairedItem: { item: 0 } }]);
	});

	it('update: five server errors, then the update may or may not have happened', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/things/${THING_ID}`,
			times: 5,
			reply: () => [500, { error: 'boom' }],
		});

		const { error } = await runProbe('update', { parameters: { thingId: thing, name: 'A' } });

		expect(error?.message).toBe('Metal answered with a server error (500): boom');
		expect(error?.description?.split('\n')[0]).toBe(
			'The thing may or may not have been updated. Running this item again is safe: an update sends the same values again.',
		);
		expect(error?.description).toContain(
			'May or may not have been updated (running them again is safe): 0.',
		);
	});

	it('update: a timeout is retried, and after the last one the update may or may not have happened', async () => {
		nock(BASE_URL).put(`/v1/things/${THING_ID}`).times(5).delay(300).reply(200, { data: {} });

		const { error } = await runProbe('update', {
			parameters: { thingId: thing, name: 'A', options: { timeout: 100 } },
		});

		expect(clock.waits()).toEqual([750, 1500, 3000, 6000]);
		expect(error?.message).toBe('Metal did not answer within 100 ms');
		expect(error?.description?.split('\n')[0]).toBe(
			'The thing may or may not have been updated. Running this item again is safe: an update sends the same values again.',
		);
	});
});

describe('connections that never reached Metal', () => {
	const local = { ...CREDENTIALS, baseUrl: 'http://127.0.0.1:9' };

	it('a refused connection reached nothing, so a create retries it; it may then succeed', async () => {
		nock('http://127.0.0.1:9').post('/v1/things').replyWithError(refused());
		const requests = interceptMetal({
			baseUrl: 'http://127.0.0.1:9',
			path: '/v1/things',
			reply: created,
		});

		const { output } = await runProbe('create', { parameters: createA, credentials: local });

		expect(requests).toHaveLength(1);
		expect(clock.waits()).toEqual([750]);
		expect(output).toHaveLength(1);
	});

	it('a connection refused every time: nothing was created, and the error says so', async () => {
		const scope = nock('http://127.0.0.1:9').post('/v1/things').times(5).replyWithError(refused());

		const { error } = await runProbe('create', { parameters: createA, credentials: local });

		expect(scope.isDone()).toBe(true);
		expect(error?.message).toBe('Could not connect to Metal at http://127.0.0.1:9');
		expect(error?.description?.split('\n')[0]).toBe(
			"No thing was created. The request never reached Metal (ECONNREFUSED, after 5 tries). Check the Base URL in the Metal API credential and this machine's network connection.",
		);
	});
});
