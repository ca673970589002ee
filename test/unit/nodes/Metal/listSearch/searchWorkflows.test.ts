import { Metal } from '../../../../../nodes/Metal/Metal.node';
import { searchWorkflows } from '../../../../../nodes/Metal/listSearch/searchWorkflows';
import { idOf } from '../../../../helpers/metalList';
import { interceptMetal } from '../../../../helpers/metalNock';
import { CANARY_KEY, loadOptionsContext } from '../../../../helpers/runMetalNode';

const context = () =>
	loadOptionsContext({ parameters: { resource: 'workflowRun', operation: 'start' } });

/** GET /v1/workflows, answered with these workflows. */
const listing = (workflows: object[]) =>
	interceptMetal({
		method: 'get',
		path: /^\/v1\/workflows/,
		reply: () => [200, { data: workflows }],
	});

const WORKFLOWS = [
	{ id: idOf(1), name: 'Company screening' },
	{ id: idOf(2), name: 'IC memo draft' },
	{ id: idOf(3), name: 'Cafe\u0301 SCREENING' },
	{ id: idOf(4) },
	{ id: idOf(5), name: '' },
	{ name: 'Screening without an ID' },
	{ id: 'screening-6', name: 'Screening with an ID that is not Metal’s' },
];

describe('Metal Workflow picker (From List)', () => {
	it("lists Metal's workflows by name, at once, skipping those without a Metal ID", async () => {
		const requests = listing(WORKFLOWS);

		const result = await searchWorkflows.call(context());

		expect(requests.map((r) => [r.method, r.path])).toEqual([['GET', '/v1/workflows']]);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(result).toEqual({
			results: [
				{ name: 'Company screening', value: idOf(1) },
				{ name: 'IC memo draft', value: idOf(2) },
				{ name: 'Cafe\u0301 SCREENING', value: idOf(3) },
				{ name: idOf(4), value: idOf(4) },
				{ name: idOf(5), value: idOf(5) },
			],
		});
	});

	it('what the user types filters the names, ignoring case, spaces around and how accents are encoded', async () => {
		listing(WORKFLOWS);
		listing(WORKFLOWS);

		const screening = await searchWorkflows.call(context(), ' screening ');
		const cafe = await searchWorkflows.call(context(), 'CAF\u00c9');

		expect(screening.results).toEqual([
			{ name: 'Company screening', value: idOf(1) },
			{ name: 'Cafe\u0301 SCREENING', value: idOf(3) },
		]);
		expect(cafe.results).toEqual([{ name: 'Cafe\u0301 SCREENING', value: idOf(3) }]);
	});

	it.each([
		[
			'404',
			[404, { error: 'Not found' }],
			'Metal could not find it: Not found',
			'Check the Base URL in the Metal API credential (https://api.metal.ai, or a proxy that forwards /v1/workflows to it), and that the records this item names belong to the organization of the API key.',
		],
		[
			'500, tried twice',
			[500, { error: 'Internal server error' }],
			'Metal answered with a server error (500): Internal server error',
			'Metal kept failing after 2 tries. Try again later, and contact support@metal.ai if it persists.',
		],
		[
			'no list in the answer',
			[200, { workflows: [] }],
			'Metal answered without the expected list of objects',
			'Metal sent: {"workflows":[]}. Check that the Base URL in the Metal API credential points at the Metal API.',
		],
	] as Array<[string, [number, object], string, string]>)(
		'a list that cannot be read (%s): the picker says so and points to By ID',
		async (_, reply, why, more) => {
			const requests = interceptMetal({
				method: 'get',
				path: '/v1/workflows',
				times: 3,
				reply: () => reply,
			});

			const error = await searchWorkflows.call(context()).catch((thrown: Error) => thrown);

			expect(requests).toHaveLength(reply[0] === 500 ? 2 : 1);
			expect(error).toMatchObject({
				message: `Metal's list of workflows could not be read, so choose By ID and paste the workflow's ID from Metal. ${why}`,
				description: more,
			});
		},
	);

	it('Workflow Run → Start and Get Many offer From List (this picker) and By ID', () => {
		const metal = new Metal();
		const locators = metal.description.properties.filter(
			(p) => p.name === 'workflowId' && p.displayOptions?.show?.resource?.includes('workflowRun'),
		);

		expect(locators.map((p) => p.displayOptions?.show?.operation)).toEqual([['start'], ['getAll']]);
		for (const locator of locators) {
			expect(locator.modes?.map((m) => m.name)).toEqual(['list', 'id']);
			expect(locator.modes?.[0].typeOptions).toEqual({
				searchListMethod: 'searchWorkflows',
				searchable: true,
				searchFilterRequired: false,
			});
		}
		expect(metal.methods.listSearch.searchWorkflows).toBe(searchWorkflows);
	});
});
