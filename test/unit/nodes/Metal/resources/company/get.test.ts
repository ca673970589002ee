import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import { Metal } from '../../../../../../nodes/Metal/Metal.node';
import { company } from '../../../../../helpers/metalList';
import { interceptMetal } from '../../../../../helpers/metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

const ID = '665f1c2a9b1e4a0012a3b4c5';
const ACME = company(ID, { canonicalName: 'Acme Holdings', externalId: 'crm-1' });
const locator = (mode: string, value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode,
	value,
});
const get = (companyId: INodeParameterResourceLocator, items?: IDataObject[]) =>
	runMetalNode({ items, parameters: { resource: 'company', operation: 'get', companyId } });

/** GET /v1/companies/…, answered with `answer(path)` as the company (status 200). */
const serving = (answer: (path: string) => IDataObject = () => ACME, times = 1) =>
	interceptMetal({
		method: 'get',
		path: /^\/v1\/companies\//,
		times,
		reply: (_, __, path) => [200, { data: answer(path) }],
	});

describe('Company → Get', () => {
	it.each([
		['By ID', locator('id', ID)],
		['From List', { ...locator('list', ID), cachedResultName: 'Acme Holdings' }],
		['By ID, with spaces around', locator('id', ` ${ID} `)],
	])('%s: GET /v1/companies/{id}, the company paired with its item', async (_, companyId) => {
		const requests = serving();

		const { output, error } = await get(companyId);

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', `/v1/companies/${ID}`, ''],
		]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual([{ json: ACME, pairedItem: { item: 0 } }]);
	});

	it.each([
		['as typed, URL-encoded', 'crm-12 é&?#', 'crm-12%20%C3%A9%26%3F%23'],
		['without the spaces around it', '  crm-1 ', 'crm-1'],
		['a whole number from a sheet, as its digits', '={{ 12345 }}', '12345'],
	])('By External ID %s: GET /v1/companies/externalId=…', async (_, value, sent) => {
		const requests = serving();

		const { output, error } = await get(locator('externalId', value));

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path])).toEqual([
			['GET', `/v1/companies/externalId=${sent}`],
		]);
		expect(output).toEqual([{ json: ACME, pairedItem: { item: 0 } }]);
	});

	it('items naming the same external ID: asked once per run, each item paired with its company', async () => {
		const ids = { 'crm-1': ID, 'crm-2': '665f1c2a9b1e4a0012a3b4c6' };
		const requests = serving((path) => {
			const externalId = path.split('=')[1] as keyof typeof ids;
			return company(ids[externalId], { externalId });
		}, 3);

		const { output } = await get(locator('externalId', '={{ $json.crm }}'), [
			{ crm: 'crm-1' },
			{ crm: 'crm-2' },
			{ crm: ' crm-1' },
		]);

		expect(requests.map((r) => r.path).sort()).toEqual([
			'/v1/companies/externalId=crm-1',
			'/v1/companies/externalId=crm-2',
		]);
		expect(output?.map((item) => [item.json.id, item.json.externalId, item.pairedItem])).toEqual([
			[ID, 'crm-1', { item: 0 }],
			[ids['crm-2'], 'crm-2', { item: 1 }],
			[ID, 'crm-1', { item: 2 }],
		]); // Each item its own copy: a later node that edits one must not change the other.
		expect(output?.[0].json).not.toBe(output?.[2].json);
	});

	it.each([
		[
			'ID',
			locator('id', ID),
			`Metal has no company with the ID "${ID}"`,
			"Check the ID: it may be mistyped, or belong to a company of another organization than the API key's.",
		],
		[
			'external ID',
			locator('externalId', 'crm-1'),
			'Metal has no company with the external ID "crm-1"',
			'Check the external ID: it must be exactly the one Metal keeps for the company (its externalId, case and spaces included), in the organization of the API key.',
		],
		[
			'external ID, as the user typed it',
			locator('externalId', 'crm-12 é&?#'),
			'Metal has no company with the external ID "crm-12 é&?#"',
			'Check the external ID: it must be exactly the one Metal keeps for the company (its externalId, case and spaces included), in the organization of the API key.',
		],
	])(
		'404 by %s: names it and says how to find the right company',
		async (_, id, message, check) => {
			interceptMetal({
				method: 'get',
				path: /^\/v1\/companies\//,
				reply: () => [404, { error: 'Company not found' }],
			});

			const { error } = await get(id);

			expect(error?.message).toBe(message);
			expect(error?.description?.split('\n').slice(0, 5)).toEqual([
				`${check} Pick the company From List, or find it with Company → Search or Get Many.`,
				'',
				'The run stopped at item 0.',
				'Done: none.',
				'Failed: 0.',
			]);
		},
	);

	it.each([
		['a blank ID', locator('id', '={{ " " }}'), 'The "Company" parameter is empty in item 0'],
		[
			'a blank external ID',
			locator('externalId', '={{ $json.missing }}'),
			'The "Company" parameter is empty in item 0',
		],
		[
			'an ID that is not a Metal ID',
			locator('id', '={{ "acme" }}'),
			'The "Company" parameter in item 0 is the text "acme", not a Metal ID',
		],
		[
			'an external ID with a /',
			locator('externalId', '={{ "crm/1" }}'),
			'The "Company" parameter in item 0 is the text "crm/1", an external ID with a /, which cannot be looked up',
		],
		[
			'an external ID that is a decimal',
			locator('externalId', '={{ 12.5 }}'),
			'The "Company" parameter in item 0 is the number 12.5, not an external ID',
		],
	])(
		'%s (by expression, which the editor does not check) is refused before anything is sent',
		async (_, companyId, message) => {
			const requests = serving();

			const { error } = await get(companyId);

			expect(error?.message).toBe(message);
			expect(requests).toHaveLength(0);
		},
	);

	it('an external ID with a / says why, and what to use instead', async () => {
		const { error } = await get(locator('externalId', '={{ "crm/1" }}'));

		expect(error?.description).toBe(
			"Company is sent in the request's path, where a / would end it, so Metal cannot be asked for this external ID. Name the record another way where the node offers one (From List, By ID), or find it with Search.",
		);
	});

	it('an answer without a company object: an error quoting what Metal sent', async () => {
		interceptMetal({
			method: 'get',
			path: '/v1/companies/externalId=crm-1',
			reply: () => [200, { data: [ACME] }],
		});

		const { output, error } = await get(locator('externalId', 'crm-1'));

		expect(output).toBeUndefined();
		expect(error?.message).toBe('Metal answered without the expected data');
		expect(error?.description?.split('\n')[0]).toBe(
			`Metal sent: {"data":[${JSON.stringify(ACME)}]}. Check that the Base URL in the Metal API credential points at the Metal API.`,
		);
	});

	it('offers From List (searchCompanies), By ID and By External ID', () => {
		const property = new Metal().description.properties.find(
			(p) => p.name === 'companyId' && p.displayOptions?.show?.operation?.includes('get'),
		);

		expect(property?.displayOptions?.show?.resource).toEqual(['company']);
		expect(property?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'externalId']);
		expect(property?.modes?.[0].typeOptions?.searchListMethod).toBe('searchCompanies');
	});
});
