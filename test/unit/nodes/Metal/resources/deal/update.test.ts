import type { IDataObject, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';
import { useVirtualClock } from '../../../../../helpers/virtualClock';

// Retries wait real seconds: a virtual clock records the waits instead.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
const clock = useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);

const ID = '665f1c2a9b1e4a0012a3b4c5';
const COMPANY = '665f1c2a9b1e4a0012a3b999';
const byId = (value: string): INodeParameterResourceLocator => ({ __rl: true, mode: 'id', value });
const update = (updateFields: INodeParameters, dealId = byId(ID)) => ({
	resource: 'deal',
	operation: 'update',
	dealId,
	updateFields,
});

/** PUT /v1/deals/{id} answered with the deal as updated. */
const acceptUpdates = (times = 1) =>
	interceptMetal({
		method: 'put',
		path: /^\/v1\/deals\/[^/]+$/,
		times,
		reply: (body, _, path) => [
			200,
			{ data: { id: path.split('/').pop(), name: 'Project Atlas', ...(body as IDataObject) } },
		],
	});

// As the editor stores them, which is also what Metal takes: enum values, a number for Size.
const EVERY_FIELD = {
	companyId: COMPANY,
	name: 'Project Atlas II',
	notes: 'Management meeting went well.\nNext: IC memo.',
	sector: 'Healthcare',
	size: 25000000.5,
	stage: 'DUE_DILIGENCE',
	status: 'ACTIVE',
};

describe('Deal → Update', () => {
	it.each([
		[
			'picked From List',
			{ __rl: true as const, mode: 'list', value: ID, cachedResultName: 'Atlas' },
		],
		['given By ID', byId(ID)],
	])(
		'%s: PUT /v1/deals/{id} with every field, each with its documented type',
		async (_, dealId) => {
			const requests = acceptUpdates();

			const { output, error } = await runMetalNode({
				parameters: update(EVERY_FIELD, dealId),
			});

			expect(error).toBeUndefined();
			expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
				['PUT', `/v1/deals/${ID}`, EVERY_FIELD],
			]);
			expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
			expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
			expect(output).toEqual([{ json: { id: ID, ...EVERY_FIELD }, pairedItem: { item: 0 } }]);
		},
	);

	it('sends only the fields set, as Metal types them: a stage by name, a size from a sheet', async () => {
		const requests = acceptUpdates();

		await runMetalNode({
			items: [{ stage: 'Passed', status: 'passed dead', size: ' 1500000 ', notes: '' }],
			parameters: update({
				stage: '={{ $json.stage }}',
				status: '={{ $json.status }}',
				size: '={{ $json.size }}',
				notes: '={{ $json.notes }}',
				sector: '={{ $json.missing }}',
			}),
		});

		expect(requests.map((r) => r.body)).toEqual([
			{ stage: 'PASSED', status: 'PASSED_DEAD', size: 1500000 },
		]);
	});

	it('each item moves its own deal to its own stage, each output paired with its item', async () => {
		const ids = ['665f1c2a9b1e4a0012a3b001', '665f1c2a9b1e4a0012a3b002'];
		const requests = acceptUpdates(2);

		const { output } = await runMetalNode({
			items: [
				{ deal: ids[0], stage: 'IC Meeting' },
				{ deal: ` ${ids[1]} `, stage: 'DEAL_CLOSING' },
			],
			parameters: update({ stage: '={{ $json.stage }}' }, byId('={{ $json.deal }}')),
		});

		expect(requests.map((r) => [r.path, r.body]).sort()).toEqual([
			[`/v1/deals/${ids[0]}`, { stage: 'IC_MEETING' }],
			[`/v1/deals/${ids[1]}`, { stage: 'DEAL_CLOSING' }],
		]);
		expect(output?.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[ids[0], { item: 0 }],
			[ids[1], { item: 1 }],
		]);
	});

	it.each([
		['no field added', {}],
		['fields that are all empty for this item', { name: '={{ $json.missing }}', notes: ' ' }],
	])('an update with %s is refused before anything is sent', async (_, updateFields) => {
		const requests = acceptUpdates();

		const { error } = await runMetalNode({ parameters: update(updateFields) });

		expect(error?.message).toBe('Nothing to change in item 0: Update Fields is empty');
		expect(requests).toHaveLength(0);
	});

	it('an ID expression that gives no Metal ID is refused before anything is sent', async () => {
		const requests = acceptUpdates();

		const { error } = await runMetalNode({
			parameters: update({ stage: 'SOURCED' }, byId('={{ "atlas" }}')),
		});

		expect(error?.message).toBe(
			'The "Deal" parameter in item 0 is the text "atlas", not a Metal ID',
		);
		expect(requests).toHaveLength(0);
	});

	it('404: names the ID, says nothing was updated and how to find the right deal', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/deals/${ID}`,
			reply: () => [404, { error: 'Deal not found' }],
		});

		const { error } = await runMetalNode({ parameters: update({ stage: 'SOURCED' }) });

		expect(error?.message).toBe(`Metal has no deal with the ID "${ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"The deal was not updated. Check the ID: it may be mistyped, or belong to a deal of another organization than the API key's. Find the deal with Deal → Search or Get Many.",
		);
	});

	it('400: Metal’s reason, and the deal was not updated', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/deals/${ID}`,
			reply: () => [400, { error: 'size must be a number' }],
		});

		const { error } = await runMetalNode({ parameters: update({ size: 5 }) });

		expect(error?.message).toBe('Metal rejected the request as invalid: size must be a number');
		expect(error?.description?.split('\n')[0]).toMatch(/^The deal was not updated\. /);
	});

	it('server errors to the last try: the deal may or may not have been updated', async () => {
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/deals/${ID}`,
			times: 5,
			reply: () => [500, { error: 'Internal server error' }],
		});

		const { error } = await runMetalNode({ parameters: update({ stage: 'IC_MEETING' }) });

		// An update sets the same values however often it is sent, so it is retried.
		expect(requests.map((r) => r.body)).toEqual(Array(5).fill({ stage: 'IC_MEETING' }));
		expect(clock.waits()).toEqual([750, 1500, 3000, 6000]);
		expect(error?.message).toBe('Metal answered with a server error (500): Internal server error');
		expect(error?.description?.split('\n')[0]).toBe(
			'The deal may or may not have been updated. Running this item again is safe: an update sends the same values again.',
		);
	});
});
