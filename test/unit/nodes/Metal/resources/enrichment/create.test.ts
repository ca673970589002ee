import nock from 'nock';

import { interceptMetal } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';

const COMPANY_ID = '665f1c2a9b1e4a0012a3b4c5';
const REQUIRED = {
	resourceType: 'company',
	resourceId: COMPANY_ID,
	property: 'description',
	value: 'Maker of reusable rockets',
	source: 'crm',
	sourceId: 'deal-memo-42',
};

/** What Metal answers for an enrichment it recorded from `body`. */
function enrichmentFor(body: unknown, index: number) {
	const { property, value, provider, source, sourceId, confidence } = body as Record<
		string,
		unknown
	>;
	return {
		id: `6661cc00000000000000000${index}`,
		property,
		value,
		provider,
		source,
		sourceId,
		confidence,
		capturedOn: '2026-11-29T10:00:00Z',
	};
}
const recorded = (body: unknown, index: number): [number, unknown] => [
	201,
	{ data: enrichmentFor(body, index) },
];

function create(parameters: Record<string, unknown>, options: Omit<RunOptions, 'parameters'> = {}) {
	return runMetalNode({
		...options,
		parameters: {
			resource: 'enrichment',
			operation: 'create',
			...REQUIRED,
			...parameters,
		} as RunOptions['parameters'],
	});
}

describe('Enrichment → Create: the request', () => {
	it.each([
		['the required fields', {}, REQUIRED],
		[
			'every field',
			{
				additionalFields: { provider: 'n8n', confidence: 0.85, rationale: 'Stated on the website' },
			},
			{ ...REQUIRED, provider: 'n8n', confidence: 0.85, rationale: 'Stated on the website' },
		],
		[
			'a confidence of 0, which is sent',
			{ additionalFields: { confidence: 0 } },
			{ ...REQUIRED, confidence: 0 },
		],
		[
			'a confidence on another scale, passed through as given',
			{ additionalFields: { confidence: 57 } },
			{ ...REQUIRED, confidence: 57 },
		],
		[
			'empty provider and rationale, which are left out',
			{ additionalFields: { provider: '', rationale: ' ' } },
			REQUIRED,
		],
		[
			'a value written as JSON: a number',
			{ value: '250000000' },
			{ ...REQUIRED, value: 250000000 },
		],
		[
			'a value written as JSON: an object',
			{ value: '{ "amount": 5, "currency": "USD" }' },
			{ ...REQUIRED, value: { amount: 5, currency: 'USD' } },
		],
		['a value quoted to stay text', { value: '"42"' }, { ...REQUIRED, value: '42' }],
	])('POST /v1/enrichments with %s', async (_, parameters, body) => {
		const requests = interceptMetal({ path: '/v1/enrichments', reply: recorded });

		const { output, error } = await create(parameters);

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/enrichments');
		expect(request.headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(request.body).toEqual(body);
		expect(output).toEqual([{ json: enrichmentFor(body, 0), pairedItem: { item: 0 } }]);
	});

	it('one enrichment per item, each value from its item, paired with it', async () => {
		const requests = interceptMetal({ path: '/v1/enrichments', times: 2, reply: recorded });
		const items = [
			{ id: '665f1c2a9b1e4a0012a3b001', revenue: 12.5 },
			{ id: '665f1c2a9b1e4a0012a3b002', revenue: 40 },
		];

		const { output } = await create(
			{ resourceId: '={{ $json.id }}', property: 'revenue', value: '={{ $json.revenue }}' },
			{ items },
		);

		expect(requests.map((r) => r.body)).toEqual(
			items.map(({ id, revenue }) => ({
				...REQUIRED,
				resourceId: id,
				property: 'revenue',
				value: revenue,
			})),
		);
		expect(output?.map((item) => [item.json.value, item.pairedItem])).toEqual([
			[12.5, { item: 0 }],
			[40, { item: 1 }],
		]);
	});
});

describe('Enrichment → Create: its own errors', () => {
	it('a 500 is never retried: the enrichment may exist', async () => {
		interceptMetal({ path: '/v1/enrichments', times: 2, reply: () => [500, { error: 'boom' }] });

		const { error } = await create({});

		expect(nock.pendingMocks()).toHaveLength(1);
		expect(error?.description?.split('\n')[0]).toBe(
			'The enrichment may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
		);
	});

	it("a 404 gives Metal's own words and says nothing was created", async () => {
		interceptMetal({
			path: '/v1/enrichments',
			reply: () => [404, { error: 'company not found' }],
		});

		const { error } = await create({});

		expect(error?.message).toBe('Metal could not find it: company not found');
		expect(error?.description?.split('\n')[0]).toBe(
			'No enrichment was created. Check the Base URL in the Metal API credential (https://api.metal.ai, or a proxy that forwards /v1/enrichments to it), and that the records this item names belong to the organization of the API key.',
		);
	});
});
