import { sleep } from 'n8n-workflow';

import { created, interceptMetal, workspaceFor } from '../../../../helpers/metalNock';
import { CANARY_KEY, runMetalNode } from '../../../../helpers/runMetalNode';

// Backoff waits are real seconds; the test records them instead of waiting. Everything else in
// n8n-workflow stays real.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => {}),
}));
const waits = sleep as jest.MockedFunction<typeof sleep>;

const createWorkspace = { resource: 'workspace', operation: 'create', name: 'Atlas' };
const rateLimited = () => [429, { error: 'rate limit exceeded' }] as [number, unknown];

beforeEach(() => {
	waits.mockClear();
	jest.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => jest.restoreAllMocks());

describe('rate limits (429): retried by the node, never by the user', () => {
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
		expect(waits.mock.calls).toEqual([[750]]);
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
		expect(waits.mock.calls).toEqual([[3000]]);
	});

	it('429 until the tries run out: five tries with growing waits, then a clear error', async () => {
		const requests = interceptMetal({ path: '/v1/workspaces', times: 6, reply: rateLimited });

		const { output, error } = await runMetalNode({ parameters: createWorkspace });

		expect(requests).toHaveLength(5);
		expect(waits.mock.calls).toEqual([[750], [1500], [3000], [6000]]);
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
		expect(waits).not.toHaveBeenCalled();
		expect(error?.message).toBe(
			"Metal's rate limit was still exceeded after 1 try: rate limit exceeded",
		);
	});

	it('a 500 is never retried for a create', async () => {
		const requests = interceptMetal({
			path: '/v1/workspaces',
			times: 2,
			reply: () => [503, { error: 'unavailable' }],
		});

		const { error } = await runMetalNode({ parameters: createWorkspace });

		expect(requests).toHaveLength(1);
		expect(waits).not.toHaveBeenCalled();
		expect(error?.message).toBe('Metal answered with a server error (503): unavailable');
	});
});
