import nock from 'nock';

import { interceptMetal } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';

/** What Metal answers for a tag it created from `body` (`type` is not in the documented answer). */
function tagFor(body: unknown, index: number) {
	const { value, color, externalReference } = body as Record<string, unknown>;
	return {
		id: `6662dd00000000000000000${index}`,
		value,
		color,
		externalReference,
		createdAt: '2026-11-29T10:00:00Z',
		updatedAt: '2026-11-29T10:00:00Z',
	};
}
const created = (body: unknown, index: number): [number, unknown] => [
	201,
	{ data: tagFor(body, index) },
];

function create(parameters: Record<string, unknown>, options: Omit<RunOptions, 'parameters'> = {}) {
	return runMetalNode({
		...options,
		parameters: { resource: 'tag', operation: 'create', ...parameters } as RunOptions['parameters'],
	});
}

const reference = (source: string, id: string) => ({
	externalReference: { values: { source, id } },
});

describe('Tag → Create: the request', () => {
	it.each([
		[
			'a company tag',
			{ type: 'company', value: 'Top priority' },
			{ type: 'company', value: 'Top priority' },
		],
		['a deal tag', { type: 'deal', value: 'Hot' }, { type: 'deal', value: 'Hot' }],
		['a list tag', { type: 'list', value: 'Q4 targets' }, { type: 'list', value: 'Q4 targets' }],
		[
			'a color and an external reference',
			{
				type: 'deal',
				value: 'Hot',
				additionalFields: { color: '#2E7D32', ...reference('salesforce', 'a0B5g00000XyZ12') },
			},
			{
				type: 'deal',
				value: 'Hot',
				color: '#2E7D32',
				externalReference: { source: 'salesforce', id: 'a0B5g00000XyZ12' },
			},
		],
		[
			'an empty color, left out',
			{ type: 'company', value: 'Hot', additionalFields: { color: '' } },
			{ type: 'company', value: 'Hot' },
		],
		[
			'a type as a sheet writes it',
			{ type: '={{ "Deal" }}', value: 'Hot' },
			{ type: 'deal', value: 'Hot' },
		],
	])('POST /v1/tags with %s', async (_, parameters, body) => {
		const requests = interceptMetal({ path: '/v1/tags', reply: created });

		const { output, error } = await create(parameters);

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/tags');
		expect(request.headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(request.body).toEqual(body);
		expect(output).toEqual([{ json: tagFor(body, 0), pairedItem: { item: 0 } }]);
	});

	it('one tag per item, paired with it', async () => {
		const requests = interceptMetal({ path: '/v1/tags', times: 2, reply: created });

		const { output } = await create(
			{ type: 'company', value: '={{ $json.label }}' },
			{ items: [{ label: 'Watch' }, { label: 'Pass' }] },
		);

		expect(requests.map((r) => r.body)).toEqual([
			{ type: 'company', value: 'Watch' },
			{ type: 'company', value: 'Pass' },
		]);
		expect(output?.map((item) => [item.json.value, item.pairedItem])).toEqual([
			['Watch', { item: 0 }],
			['Pass', { item: 1 }],
		]);
	});
});

describe('Tag → Create: its own errors', () => {
	it.each([
		['without its ID', reference('salesforce', ''), 'External Reference → ID'],
		['without its source', reference(' ', 'a0B5g00000XyZ12'), 'External Reference → Source'],
	])('an external reference %s is refused before anything is sent', async (_, extra, label) => {
		const scope = nock('https://api.metal.ai').post('/v1/tags').reply(201, {});

		const { error } = await create({ type: 'deal', value: 'Hot', additionalFields: extra });

		expect(error?.message).toBe(`The "${label}" parameter is empty in item 0`);
		expect(scope.isDone()).toBe(false);
	});

	it('a type Metal does not document is refused, naming the values', async () => {
		const { error } = await create({ type: '={{ "person" }}', value: 'Hot' });

		expect(error?.message).toBe(
			'The "Type" parameter in item 0 is the text "person", not one of company, deal, list',
		);
	});

	it('a 500 is never retried: the tag may exist', async () => {
		interceptMetal({ path: '/v1/tags', times: 2, reply: () => [500, { error: 'boom' }] });

		const { error } = await create({ type: 'deal', value: 'Hot' });

		expect(nock.pendingMocks()).toHaveLength(1);
		expect(error?.description?.split('\n')[0]).toBe(
			'The tag may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
		);
	});
});
