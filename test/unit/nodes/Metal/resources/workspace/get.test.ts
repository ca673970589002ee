import { sleep, type INodeParameterResourceLocator } from 'n8n-workflow';

import { interceptMetal, workspaceFor } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

// Reads retry server errors after a backoff; the test records the waits instead of sleeping.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => {}),
}));
const waits = sleep as jest.MockedFunction<typeof sleep>;

const ID = '665f1c2a9b1e4a0012a3b4c5';
const workspace = { ...workspaceFor({ name: 'Project Atlas', company: 'Acme' }, 0), id: ID };
const get = (workspaceId: INodeParameterResourceLocator) => ({
	resource: 'workspace',
	operation: 'get',
	workspaceId,
});

beforeEach(() => waits.mockClear());
afterEach(() => jest.restoreAllMocks());

describe('Workspace → Get', () => {
	it.each([
		[
			'picked From List',
			{ __rl: true as const, mode: 'list', value: ID, cachedResultName: 'Project Atlas' },
		],
		['given By ID', { __rl: true as const, mode: 'id', value: ID }],
	])('%s: GET /v1/workspaces/{id}, output paired with its item', async (_, workspaceId) => {
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			reply: () => [200, { data: workspace }],
		});

		const { output, error } = await runMetalNode({ parameters: get(workspaceId) });

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `/v1/workspaces/${ID}`, ''],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: workspace, pairedItem: { item: 0 } }]);
	});

	it('takes the ID from each item by expression', async () => {
		const ids = ['665f1c2a9b1e4a0012a3b001', '665f1c2a9b1e4a0012a3b002'];
		for (const id of ids) {
			interceptMetal({
				method: 'get',
				path: `/v1/workspaces/${id}`,
				reply: () => [200, { data: { id } }],
			});
		}

		const { output } = await runMetalNode({
			items: ids.map((id) => ({ workspace: id })),
			parameters: get({ __rl: true, mode: 'id', value: '={{ $json.workspace }}' }),
		});

		expect(output).toEqual(ids.map((id, item) => ({ json: { id }, pairedItem: { item } })));
	});

	it('404: names the ID and says how to find the right one', async () => {
		interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			reply: () => [404, { error: 'Workspace not found' }],
		});

		const { error } = await runMetalNode({
			parameters: get({ __rl: true, mode: 'id', value: ID }),
		});

		expect(error?.message).toBe(`Metal has no workspace with the ID "${ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"Check the ID: it may be mistyped, or belong to a workspace of another organization than the API key's. Pick the workspace From List, or find its ID with Workspace → Search.",
		);
		expect(waits).not.toHaveBeenCalled();
	});

	it('an ID expression that gives nothing is refused before anything is sent', async () => {
		const { error } = await runMetalNode({
			parameters: get({ __rl: true, mode: 'id', value: '={{ $json.missing }}' }),
		});

		expect(error?.message).toBe('The "Workspace" parameter is empty in item 0');
	});

	it('a read is retried after a server error: 503, then 200', async () => {
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			times: 2,
			reply: (_, index) =>
				index === 0 ? [503, { error: 'unavailable' }] : [200, { data: workspace }],
		});
		jest.spyOn(Math, 'random').mockReturnValue(0);

		const { output } = await runMetalNode({
			parameters: get({ __rl: true, mode: 'id', value: ID }),
		});

		expect(requests).toHaveLength(2);
		expect(waits.mock.calls.map(([ms]) => ms)).toEqual([500]);
		expect(output).toEqual([{ json: workspace, pairedItem: { item: 0 } }]);
	});

	it("a read gives up after five server errors, with Metal's words", async () => {
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			times: 6,
			reply: () => [500, { error: 'Internal server error' }],
		});

		const { error } = await runMetalNode({
			parameters: get({ __rl: true, mode: 'id', value: ID }),
		});

		expect(requests).toHaveLength(5);
		expect(waits).toHaveBeenCalledTimes(4);
		expect(error?.message).toBe('Metal answered with a server error (500): Internal server error');
		expect(error?.description?.split('\n')[0]).toBe(
			'Metal kept failing after 5 tries. Try again later, and contact support@metal.ai if it persists.',
		);
	});

	it('with Continue On Fail (error output), a missing workspace goes to the error output', async () => {
		const other = '665f1c2a9b1e4a0012a3b999';
		interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${ID}`,
			reply: () => [200, { data: workspace }],
		});
		interceptMetal({
			method: 'get',
			path: `/v1/workspaces/${other}`,
			reply: () => [404, { error: 'Workspace not found' }],
		});

		const { output, errorOutput } = await runMetalNode({
			items: [{ workspace: ID }, { workspace: other }],
			parameters: get({ __rl: true, mode: 'id', value: '={{ $json.workspace }}' }),
			onError: 'continueErrorOutput',
		});

		expect(output).toEqual([{ json: workspace, pairedItem: { item: 0 } }]);
		expect(errorOutput).toEqual([
			{
				json: {
					workspace: other,
					error: `Metal has no workspace with the ID "${other}"`,
					details:
						"Check the ID: it may be mistyped, or belong to a workspace of another organization than the API key's. Pick the workspace From List, or find its ID with Workspace → Search.",
				},
				pairedItem: { item: 1 },
			},
		]);
	});
});
