import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { created, interceptMetal, workspaceFor } from '../../../../helpers/metalNock';
import { BASE_URL, CANARY_KEY, CREDENTIALS, runMetalNode } from '../../../../helpers/runMetalNode';

// Backoff waits are real seconds; the test records them instead of waiting. Everything else in
// n8n-workflow stays real.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => {}),
}));
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;
const { sleep: realSleep } = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow');
const waits = () => sleepMock.mock.calls.map(([ms]) => ms);

const createWorkspace = { resource: 'workspace', operation: 'create', name: 'Atlas' };
const rateLimited = () => [429, { error: 'rate limit exceeded' }] as [number, unknown];
const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

// A virtual clock that only the (recorded) waits move, so that backoff decisions see time pass.
let clock = 0;
beforeEach(() => {
	clock = Date.parse('2026-11-29T10:00:00Z');
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
	sleepMock.mockReset();
	sleepMock.mockImplementation(async (ms) => {
		clock += ms;
	});
	jest.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => jest.restoreAllMocks());

describe('creates: rate limits (429) are retried by the node, never by the user', () => {
	it('429 then 201: one workspace is created, after one backoff', async () => {
		const requests = interceptMetal({
			path: '/v1/workspaces',
			times: 2,
			reply: (body, index) => (index === 0 ? rateLimited() : created(body, index)),
		});

		const { output, error } = await runMetalNode({ parameters: createWorkspace });

		expect(error).toBeUndefined();
		expect(requests.map((r) => r.body)).toEqual([{ name: 'Atlas' }, { name: 'Atlas' }]);
		expect(output).toEqual([{ json: workspaceFor({ name: 'Atlas' }, 1), pairedItem: { item: 0 } }]);
		expect(waits()).toEqual([750]);
	});

	it('honours Retry-After', async () => {
		interceptMetal({
			path: '/v1/workspaces',
			times: 2,
			reply: (body, index) =>
				index === 0
					? [429, { error: 'rate limit exceeded' }, { 'Retry-After': '3' }]
					: created(body, index),
		});

		const { output } = await runMetalNode({ parameters: createWorkspace });

		expect(output).toHaveLength(1);
		expect(waits()).toEqual([3000]);
	});

	it('429 until the tries run out: five tries with growing waits, then a clear error', async () => {
		const requests = interceptMetal({ path: '/v1/workspaces', times: 6, reply: rateLimited });

		const { output, error } = await runMetalNode({ parameters: createWorkspace });

		expect(requests).toHaveLength(5);
		expect(waits()).toEqual([750, 1500, 3000, 6000]);
		expect(output).toBeUndefined();
		expect(error?.message).toBe(
			"Metal's rate limit was still exceeded after 5 tries: rate limit exceeded",
		);
		expect(error?.description?.split('\n')[0]).toBe(
			"No workspace was created. Metal limits requests per organization, shared by all its keys. Lower Max Concurrent Requests in the node's options, spread the work over time, or ask support@metal.ai for a higher limit.",
		);
		expect(JSON.stringify(error)).not.toContain(CANARY_KEY);
	});

	it('gives up at once when Retry-After asks for more than the total wait allowed', async () => {
		const requests = interceptMetal({
			path: '/v1/workspaces',
			times: 2,
			reply: () => [429, { error: 'rate limit exceeded' }, { 'Retry-After': '600' }],
		});

		const { error } = await runMetalNode({ parameters: createWorkspace });

		expect(requests).toHaveLength(1);
		expect(waits()).toEqual([]);
		expect(error?.message).toBe(
			"Metal's rate limit was still exceeded after 1 try: rate limit exceeded",
		);
	});

	it('a refused connection reached nothing, so it is retried; it may then succeed', async () => {
		nock('http://127.0.0.1:9').post('/v1/workspaces').replyWithError(refused());
		const requests = interceptMetal({
			baseUrl: 'http://127.0.0.1:9',
			path: '/v1/workspaces',
			reply: created,
		});

		const { output } = await runMetalNode({
			parameters: createWorkspace,
			credentials: { ...CREDENTIALS, baseUrl: 'http://127.0.0.1:9' },
		});

		expect(requests).toHaveLength(1);
		expect(waits()).toEqual([750]);
		expect(output).toEqual([{ json: workspaceFor({ name: 'Atlas' }, 0), pairedItem: { item: 0 } }]);
	});

	it('a connection refused every time: nothing was created, and the error says so', async () => {
		const scope = nock('http://127.0.0.1:9')
			.post('/v1/workspaces')
			.times(5)
			.replyWithError(refused());

		const { error } = await runMetalNode({
			parameters: createWorkspace,
			credentials: { ...CREDENTIALS, baseUrl: 'http://127.0.0.1:9' },
		});

		expect(scope.isDone()).toBe(true);
		expect(error?.message).toBe('Could not connect to Metal at http://127.0.0.1:9');
		expect(error?.description?.split('\n')[0]).toBe(
			"No workspace was created. The request never reached Metal (ECONNREFUSED, after 5 tries). Check the Base URL in the Metal API credential and this machine's network connection.",
		);
	});

	it.each([
		[
			'a 500',
			() =>
				interceptMetal({ path: '/v1/workspaces', times: 2, reply: () => [500, { error: 'boom' }] }),
		],
		[
			'a dropped connection',
			() => {
				nock(BASE_URL)
					.post('/v1/workspaces')
					.times(2)
					.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
			},
		],
	])('%s is never retried for a create', async (_, intercept) => {
		intercept();

		const { error } = await runMetalNode({ parameters: createWorkspace });

		expect(nock.pendingMocks()).toHaveLength(1);
		expect(waits()).toEqual([]);
		expect(error?.description).toMatch(/^The workspace may or may not have been created/);
	});

	it('a rate-limited item waiting to retry is not sent again once another item has failed', async () => {
		// Item 0 is rate-limited; while it waits, item 1 fails with a 400. Item 0 must not be re-sent.
		const requests = interceptMetal({
			path: '/v1/workspaces',
			times: 4,
			reply: (body) =>
				(body as { name: string }).name === 'Limited'
					? rateLimited()
					: [400, { error: 'Invalid request body' }],
		});
		// Item 0's first backoff really waits a little, long enough for item 1's answer to arrive.
		sleepMock.mockImplementationOnce(async () => await realSleep(50));

		const { error } = await runMetalNode({
			items: [{ name: 'Limited' }, { name: 'Rejected' }],
			parameters: { ...createWorkspace, name: '={{ $json.name }}' },
		});

		expect(requests.map((r) => (r.body as { name: string }).name)).toEqual(['Limited', 'Rejected']);
		expect(error?.message).toBe('Metal rejected the request as invalid: Invalid request body');
		expect(error?.description?.split('\n').slice(2)).toEqual([
			'The run stopped at item 1.',
			'Created: none.',
			'Failed, nothing created: 1.',
			'Not sent: 0.',
			'Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.',
		]);
	});
});

describe('reads: server errors, timeouts and dropped connections are retried too', () => {
	const ID = '665f1c2a9b1e4a0012a3b4c5';
	const get = {
		resource: 'workspace',
		operation: 'get',
		workspaceId: { __rl: true, mode: 'id', value: ID },
	};

	it('Get: a timeout, then the workspace', async () => {
		nock(BASE_URL)
			.get(`/v1/workspaces/${ID}`)
			.delay(1000)
			.reply(200, { data: { id: 'late' } });
		interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			reply: () => [200, { data: { id: ID } }],
		});

		const { output } = await runMetalNode({ parameters: { ...get, options: { timeout: 100 } } });

		expect(output).toEqual([{ json: { id: ID }, pairedItem: { item: 0 } }]);
		expect(waits()).toEqual([750]);
	});

	it('Get: a dropped connection, then the workspace', async () => {
		nock(BASE_URL)
			.get(`/v1/workspaces/${ID}`)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			reply: () => [200, { data: { id: ID } }],
		});

		const { output } = await runMetalNode({ parameters: get });

		expect(output).toEqual([{ json: { id: ID }, pairedItem: { item: 0 } }]);
	});

	it('Search: a 503 on the second page is retried, and paging goes on', async () => {
		const page = (n: number) => ({
			data: [{ id: `w${n}` }],
			metadata: { page: n, limit: 1, totalCount: 2, totalPages: 2 },
		});
		const requests = interceptMetal({
			path: '/v1/workspaces/search',
			times: 3,
			reply: (body, index) =>
				index === 1
					? [503, { error: 'unavailable' }]
					: [200, page((body as { page: number }).page)],
		});

		const { output } = await runMetalNode({
			parameters: { resource: 'workspace', operation: 'search', query: 'atlas', limit: 2 },
		});

		expect(requests.map((r) => (r.body as { page: number }).page)).toEqual([1, 2, 2]);
		expect(output?.map((item) => item.json.id)).toEqual(['w1', 'w2']);
		expect(waits()).toEqual([750]);
	});

	it('Get: 429 until the tries run out', async () => {
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			times: 6,
			reply: rateLimited,
		});

		const { error } = await runMetalNode({ parameters: get });

		expect(requests).toHaveLength(5);
		expect(error?.message).toBe(
			"Metal's rate limit was still exceeded after 5 tries: rate limit exceeded",
		);
	});
});
