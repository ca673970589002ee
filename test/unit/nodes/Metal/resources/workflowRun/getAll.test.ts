import type { IDataObject } from 'n8n-workflow';

import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';
import { runAs, WORKFLOW_ID } from '../../../../../helpers/workflowRuns';

const RUNS_PATH = `/v1/workflows/${WORKFLOW_ID}/runs`;
/** The runs of the workflow, as Metal lists them. */
const runs = (count: number) =>
	Array.from({ length: count }, (_, n) =>
		runAs(n % 3 ? 'completed' : 'failed', { id: `6660aa${String(n).padStart(18, '0')}` }),
	);

const getAll = (parameters: IDataObject = {}, items?: IDataObject[]) =>
	runMetalNode({
		items,
		parameters: {
			resource: 'workflowRun',
			operation: 'getAll',
			workflowId: { __rl: true, mode: 'list', value: WORKFLOW_ID, cachedResultName: 'Screening' },
			...parameters,
		},
	});

/** GET /v1/workflows/{id}/runs, with any query, answered with these runs. */
const listing = (all: IDataObject[], times = 1) =>
	interceptMetal({
		method: 'get',
		path: /^\/v1\/workflows\/[0-9a-f]{24}\/runs/,
		times,
		reply: () => [200, { data: all }],
	});

const paired = (records: IDataObject[], item = 0) =>
	records.map((json) => ({ json, pairedItem: { item } }));

describe('Workflow Run → Get Many', () => {
	it('GET /v1/workflows/{id}/runs, with no query: by default the first 50 runs Metal lists', async () => {
		const all = runs(60);
		const requests = listing(all, 2);

		const { output, error } = await getAll();

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([['GET', RUNS_PATH, '']]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual(paired(all.slice(0, 50)));
	});

	it('a Limit keeps the first runs, from the one request', async () => {
		const all = runs(10);
		const requests = listing(all, 2);

		const { output } = await getAll({ limit: 3 });

		expect(requests.map((r) => r.path)).toEqual([RUNS_PATH]);
		expect(output).toEqual(paired(all.slice(0, 3)));
	});

	it('Return All: every run of the list, from the one request (Metal documents no paging)', async () => {
		const all = runs(1500);
		const requests = listing(all, 2);

		const { output } = await getAll({ returnAll: true });

		expect(requests.map((r) => r.path)).toEqual([RUNS_PATH]);
		expect(output).toEqual(paired(all));
	});

	it("each item lists its own workflow's runs, paired with it", async () => {
		const other = '665f1c2a9b1e4a0012a3b4c6';
		const requests = interceptMetal({
			method: 'get',
			path: /^\/v1\/workflows\/[0-9a-f]{24}\/runs$/,
			times: 2,
			reply: (_, __, path) => [200, { data: [{ id: path.split('/')[3], status: 'completed' }] }],
		});

		const { output } = await getAll(
			{ workflowId: { __rl: true, mode: 'id', value: '={{ $json.workflow }}' } },
			[{ workflow: WORKFLOW_ID }, { workflow: ` ${other} ` }],
		);

		expect(requests.map((r) => r.path).sort()).toEqual([RUNS_PATH, `/v1/workflows/${other}/runs`]);
		expect(output).toEqual([
			...paired([{ id: WORKFLOW_ID, status: 'completed' }], 0),
			...paired([{ id: other, status: 'completed' }], 1),
		]);
	});

	it('a workflow without runs: no items, no error', async () => {
		listing([]);

		const { output, error } = await getAll();

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	it('404: names the workflow and says where its ID comes from', async () => {
		interceptMetal({
			method: 'get',
			path: RUNS_PATH,
			reply: () => [404, { error: 'Workflow not found' }],
		});

		const { error } = await getAll();

		expect(error?.message).toBe(`Metal has no workflow with the ID "${WORKFLOW_ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"Check the ID: it may be mistyped, or belong to a workflow of another organization than the API key's. Pick the workflow From List, or copy its ID from Metal.",
		);
	});

	it('an answer whose data is not a list: an error quoting what Metal sent', async () => {
		interceptMetal({
			method: 'get',
			path: RUNS_PATH,
			reply: () => [200, { data: { runs: [] } }],
		});

		const { error } = await getAll();

		expect(error?.message).toBe('Metal answered without the expected list of objects');
		expect(error?.description?.split('\n')[0]).toBe(
			'Metal sent: {"data":{"runs":[]}}. Check that the Base URL in the Metal API credential points at the Metal API.',
		);
	});
});
