import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

const RUN_ID = '6660aa000000000000000001';
const run = {
	id: RUN_ID,
	workflowId: '665f1c2a9b1e4a0012a3b4c5',
	status: 'completed',
	input: { company: 'Acme' },
	output: { memo: 'Acme: strong buy' },
	createdAt: '2026-11-29T10:00:00Z',
	completedAt: '2026-11-29T10:00:30Z',
};
const get = (value: string) => ({
	resource: 'workflowRun',
	operation: 'get',
	workflowRunId: { __rl: true, mode: 'id', value },
});

describe('Workflow Run → Get', () => {
	it('GET /v1/workflow-runs/{id}: the run, paired with its item', async () => {
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/workflow-runs/${RUN_ID}`,
			reply: () => [200, { data: run }],
		});

		const { output, error } = await runMetalNode({ parameters: get(RUN_ID) });

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `/v1/workflow-runs/${RUN_ID}`, ''],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: run, pairedItem: { item: 0 } }]);
	});

	it('a run still going is output as it is, not waited for', async () => {
		const running = { ...run, status: 'running', output: undefined, completedAt: undefined };
		const requests = interceptMetal({
			method: 'get',
			path: `/v1/workflow-runs/${RUN_ID}`,
			times: 2,
			reply: () => [200, { data: running }],
		});

		const { output } = await runMetalNode({ parameters: get(RUN_ID) });

		expect(requests).toHaveLength(1);
		expect(output).toEqual([{ json: running, pairedItem: { item: 0 } }]);
	});

	it('takes each run ID from its item (as output by Workflow Run → Start), trimmed', async () => {
		const ids = ['6660aa000000000000000001', '6660aa000000000000000002'];
		for (const id of ids) {
			interceptMetal({
				method: 'get',
				path: `/v1/workflow-runs/${id}`,
				reply: () => [200, { data: { id, status: 'failed' } }],
			});
		}

		const { output } = await runMetalNode({
			items: ids.map((id) => ({ id: ` ${id} ` })),
			parameters: get('={{ $json.id }}'),
		});

		expect(output).toEqual(
			ids.map((id, item) => ({ json: { id, status: 'failed' }, pairedItem: { item } })),
		);
	});

	it('404: names the ID and says where run IDs come from', async () => {
		interceptMetal({
			method: 'get',
			path: `/v1/workflow-runs/${RUN_ID}`,
			reply: () => [404, { error: 'Run not found' }],
		});

		const { error } = await runMetalNode({ parameters: get(RUN_ID) });

		expect(error?.message).toBe(`Metal has no workflow run with the ID "${RUN_ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"Check the ID: it may be mistyped, or belong to a workflow run of another organization than the API key's. Use the ID from the output of Workflow Run → Start, or find the run with Workflow Run → Get Many.",
		);
	});
});
