import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import nock from 'nock';

import { interceptMetal } from '../../../../../helpers/metalNock';
import { BASE_URL, CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';
import { useVirtualClock } from '../../../../../helpers/virtualClock';

// Retries wait real seconds: a virtual clock records the waits instead.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
const clock = useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);

const ID = '665f1c2a9b1e4a0012a3b4c5';
const update = (updateFields: INodeParameters) => ({
	resource: 'company',
	operation: 'update',
	companyId: { __rl: true, mode: 'list', value: ID, cachedResultName: 'Acme Holdings' },
	updateFields,
});

const acceptUpdate = () =>
	interceptMetal({
		method: 'put',
		path: `/v1/companies/${ID}`,
		reply: (body) => [200, { data: { id: ID, ...(body as IDataObject) } }],
	});

// The text fields, as typed in the editor and as sent.
const TEXTS = {
	description: 'Makes anvils.\nFounded 1949.',
	externalId: 'crm-12345',
	industry: 'Manufacturing',
	sector: 'Industrials',
	shortDescription: 'Anvils',
	website: 'https://acme.example',
};

describe('Company → Update', () => {
	it('PUT /v1/companies/{id} with every field, Alternative Names a list, Custom Fields an object', async () => {
		const requests = acceptUpdate();

		const { output, error } = await runMetalNode({
			parameters: update({
				alternativeNames: ['Acme', 'Acme, Inc.'],
				canonicalName: 'Acme Holdings',
				customFields: {
					values: [
						{ name: 'fund', value: 'Fund III' },
						{ name: 'ownership', value: '={{ 0.25 }}' },
						{ name: 'portfolio', value: '={{ true }}' },
					],
				},
				...TEXTS,
			}),
		});

		expect(error).toBeUndefined();
		const sent = {
			alternativeNames: ['Acme', 'Acme, Inc.'],
			canonicalName: 'Acme Holdings',
			custom: { fund: 'Fund III', ownership: 0.25, portfolio: true },
			...TEXTS,
		};
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PUT', `/v1/companies/${ID}`, sent],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: { id: ID, ...sent }, pairedItem: { item: 0 } }]);
	});

	it('sends only the fields set; a custom field takes its name and value from the item', async () => {
		const requests = acceptUpdate();

		const { error } = await runMetalNode({
			items: [{ field: 'vintage', year: 2024, site: '' }],
			parameters: update({
				customFields: { values: [{ name: '={{ $json.field }}', value: '={{ $json.year }}' }] },
				website: '={{ $json.site }}',
				industry: '={{ $json.missing }}',
			}),
		});

		expect(error).toBeUndefined();
		expect(requests.map((r) => r.body)).toEqual([{ custom: { vintage: 2024 } }]);
	});

	it('an update with nothing set is refused before anything is sent', async () => {
		const requests = acceptUpdate();

		const { error } = await runMetalNode({
			parameters: update({ alternativeNames: [], customFields: {} }),
		});

		expect(error?.message).toBe('Nothing to change in item 0: Update Fields is empty');
		expect(requests).toHaveLength(0);
	});

	it('404: names the ID and says how to find the right company', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/companies/${ID}`,
			reply: () => [404, { error: 'Company not found' }],
		});

		const { error } = await runMetalNode({
			parameters: update({ website: 'https://acme.example' }),
		});

		expect(error?.message).toBe(`Metal has no company with the ID "${ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"The company was not updated. Check the ID: it may be mistyped, or belong to a company of another organization than the API key's. Pick the company From List, or find it with Company → Search or Get Many.",
		);
	});

	it('timeouts to the last try: the company may or may not have been updated', async () => {
		nock(BASE_URL).put(`/v1/companies/${ID}`).times(5).delay(300).reply(200, { data: {} });

		const { error } = await runMetalNode({
			parameters: { ...update({ sector: 'Industrials' }), options: { timeout: 100 } },
		});

		expect(clock.waits()).toEqual([750, 1500, 3000, 6000]);
		expect(error?.message).toBe('Metal did not answer within 100 ms');
		expect(error?.description?.split('\n')[0]).toBe(
			'The company may or may not have been updated. Running this item again is safe: an update sends the same values again.',
		);
	});
});
