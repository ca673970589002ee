import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Metal } from '../../../../../../nodes/Metal/Metal.node';
import { deal } from '../../../../../helpers/metalList';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

const ID = '665f1c2a9b1e4a0012a3b4c5';
const ATLAS = deal(ID, { name: 'Project Atlas', externalId: 'crm-7' });
const byExternalId = (value: string) => ({ __rl: true, mode: 'externalId', value });
const get = (dealId: INodeParameters['dealId'], items?: IDataObject[]) =>
	runMetalNode({ items, parameters: { resource: 'deal', operation: 'get', dealId } });

/** GET /v1/deals/…, whatever follows: each request recorded, answered with the deal. */
const serving = () =>
	interceptMetal({
		method: 'get',
		path: /^\/v1\/deals\//,
		reply: () => [200, { data: ATLAS }],
	});

describe('Deal → Get', () => {
	it('By External ID: GET /v1/deals/externalId=…, trimmed and URL-encoded, the deal paired with its item', async () => {
		const requests = serving();

		const { output, error } = await get(byExternalId(' crm 7é '));

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', '/v1/deals/externalId=crm%207%C3%A9', ''],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: ATLAS, pairedItem: { item: 0 } }]);
	});

	it('a plain value (a workflow saved before the locator, or an agent) is read as an external ID, never sent to /v1/deals/{id}', async () => {
		const requests = serving();

		const { error } = await get(ID);

		expect(error).toBeUndefined();
		expect(requests.map((r) => r.path)).toEqual([`/v1/deals/externalId=${ID}`]);
	});

	it.each([
		['By ID (kept from Update, or set by an agent)', 'id'],
		['From List (kept from Update)', 'list'],
	])(
		'a locator set %s is refused before anything is sent: Get takes an external ID',
		async (_, mode) => {
			const requests = serving();

			const { error } = await get({ __rl: true, mode, value: ID });

			expect(requests).toHaveLength(0);
			expect(error?.message).toBe(
				`The "Deal" parameter in item 0 is set in the mode "${mode}", which this operation does not offer`,
			);
			expect(error?.description).toBe(
				'Deal takes By External ID here. The deal, by its external ID: its ID in your own system, such as a CRM, which Metal keeps as externalId. Metal documents no way to get a deal by its Metal ID: to find a deal by name, use Deal → Search or Get Many.',
			);
		},
	);

	it('each item its own external ID; the same one asked once', async () => {
		const requests = interceptMetal({
			method: 'get',
			path: /^\/v1\/deals\/externalId=/,
			times: 3,
			reply: (_, __, path) => [200, { data: { ...ATLAS, externalId: path.split('=')[1] } }],
		});

		const { output } = await get(byExternalId('={{ $json.crm }}'), [
			{ crm: 'crm-7' },
			{ crm: 'crm-8' },
			{ crm: 'crm-7' },
		]);

		expect(requests.map((r) => r.path).sort()).toEqual([
			'/v1/deals/externalId=crm-7',
			'/v1/deals/externalId=crm-8',
		]);
		expect(output?.map((item) => [item.json.externalId, item.pairedItem])).toEqual([
			['crm-7', { item: 0 }],
			['crm-8', { item: 1 }],
			['crm-7', { item: 2 }],
		]);
	});

	it('404: names the external ID and says what it must be', async () => {
		interceptMetal({
			method: 'get',
			path: '/v1/deals/externalId=crm-7',
			reply: () => [404, { error: 'Deal not found' }],
		});

		const { error } = await get(byExternalId('crm-7'));

		expect(error?.message).toBe('Metal has no deal with the external ID "crm-7"');
		expect(error?.description?.split('\n')[0]).toBe(
			'Check the external ID: it must be exactly the one Metal keeps for the deal (its externalId, case and spaces included), in the organization of the API key. Find the deal with Deal → Search or Get Many.',
		);
	});

	it.each([
		['a blank value', '={{ "  " }}', 'The "Deal" parameter is empty in item 0'],
		[
			'an external ID with a /',
			'={{ "crm/7" }}',
			'The "Deal" parameter in item 0 is the text "crm/7", an external ID with a /, which cannot be looked up',
		],
	])('%s is refused before anything is sent', async (_, value, message) => {
		const requests = serving();

		const { error } = await get(byExternalId(value));

		expect(error?.message).toBe(message);
		expect(requests).toHaveLength(0);
	});

	it('offers By External ID only, and says that Metal documents no get by Metal ID', () => {
		const properties = new Metal().description.properties;
		const locator = properties.find(
			(p) => p.name === 'dealId' && p.displayOptions?.show?.operation?.includes('get'),
		);
		const operations = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('deal'),
		);
		const option = (operations?.options as Array<{ value: string; description: string }>).find(
			(o) => o.value === 'get',
		);

		expect(locator?.modes?.map((m) => m.name)).toEqual(['externalId']);
		expect(locator?.default).toEqual({ mode: 'externalId', value: '' });
		expect(locator?.description).toContain(
			'Metal documents no way to get a deal by its Metal ID: to find a deal by name, use Deal → Search or Get Many.',
		);
		expect(option?.description).toContain('Metal documents no way to get a deal by its Metal ID');
	});
});
