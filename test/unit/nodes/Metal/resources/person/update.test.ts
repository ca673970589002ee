import type { INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { Metal } from '../../../../../../nodes/Metal/Metal.node';
import { interceptMetal } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';
import { useVirtualClock } from '../../../../../helpers/virtualClock';

// Updates retry server errors with backoff: a virtual clock records the waits instead.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(),
}));
const clock = useVirtualClock(sleep as jest.MockedFunction<typeof sleep>);

const ID = '665f1c2a9b1e4a0012a3e001';
const person = {
	id: ID,
	firstName: 'Jane',
	lastName: 'Doe',
	email: 'jane@acme.com',
	createdAt: '2026-11-01T10:00:00Z',
	updatedAt: '2026-11-29T10:00:00Z',
};
const updated = (body: unknown): [number, unknown] => [
	200,
	{ data: { ...person, ...(body as object) } },
];

function run(updateFields: Record<string, unknown>, options: Omit<RunOptions, 'parameters'> = {}) {
	return runMetalNode({
		...options,
		parameters: {
			resource: 'person',
			operation: 'update',
			personId: { __rl: true, mode: 'id', value: ID },
			updateFields,
		} as RunOptions['parameters'],
	});
}

describe('Person → Update: the request', () => {
	it('PUT /v1/people/{id} with the headers and only the fields set; the person, paired', async () => {
		const requests = interceptMetal({ method: 'put', path: `/v1/people/${ID}`, reply: updated });

		const { output, error } = await run({ currentTitle: 'Chief Financial Officer' });

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`/v1/people/${ID}`);
		expect(request.headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(request.body).toStrictEqual({ currentTitle: 'Chief Financial Officer' });
		expect(output).toEqual([
			{ json: { ...person, currentTitle: 'Chief Financial Officer' }, pairedItem: { item: 0 } },
		]);
		expect(clock.waits()).toEqual([]);
	});

	it('every documented field, Location as { city, state, country }', async () => {
		const requests = interceptMetal({ method: 'put', path: `/v1/people/${ID}`, reply: updated });

		await run({
			firstName: 'Jane',
			lastName: 'Doe',
			email: 'jane.doe@acme.com',
			currentTitle: 'CFO',
			currentCompanyName: 'Acme Holdings',
			company: 'Acme',
			linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
			phoneNumber: '+44 20 7946 0000',
			externalId: 'crm-12345',
			location: { values: { city: 'London', state: 'England', country: 'United Kingdom' } },
		});

		expect(requests[0].body).toStrictEqual({
			firstName: 'Jane',
			lastName: 'Doe',
			email: 'jane.doe@acme.com',
			currentTitle: 'CFO',
			currentCompanyName: 'Acme Holdings',
			company: 'Acme',
			linkedinUrl: 'https://www.linkedin.com/in/jane-doe',
			phoneNumber: '+44 20 7946 0000',
			externalId: 'crm-12345',
			location: { city: 'London', state: 'England', country: 'United Kingdom' },
		});
	});

	it('only the parts of the location that are set', async () => {
		const requests = interceptMetal({ method: 'put', path: `/v1/people/${ID}`, reply: updated });

		await run({ location: { values: { city: 'Paris', state: '', country: 'France' } } });

		expect(requests[0].body).toStrictEqual({ location: { city: 'Paris', country: 'France' } });
	});

	it('a row of a sheet per item: one request each, in order, each output paired', async () => {
		const ids = ['665f1c2a9b1e4a0012a3e001', '665f1c2a9b1e4a0012a3e002'];
		const requests = ids.map((id) =>
			interceptMetal({
				method: 'put',
				path: `/v1/people/${id}`,
				reply: (body) => [200, { data: { id, ...(body as object) } }],
			}),
		);

		const { output } = await runMetalNode({
			items: [
				{ metalId: ids[0], title: 'CFO' },
				{ metalId: ids[1], title: 'COO' },
			],
			parameters: {
				resource: 'person',
				operation: 'update',
				personId: { __rl: true, mode: 'id', value: '={{ $json.metalId }}' },
				updateFields: { currentTitle: '={{ $json.title }}' },
			},
		});

		expect(requests.map((r) => r.map((q) => q.body))).toEqual([
			[{ currentTitle: 'CFO' }],
			[{ currentTitle: 'COO' }],
		]);
		expect(output).toEqual([
			{ json: { id: ids[0], currentTitle: 'CFO' }, pairedItem: { item: 0 } },
			{ json: { id: ids[1], currentTitle: 'COO' }, pairedItem: { item: 1 } },
		]);
	});

	it('an update with no field set is refused before anything is sent', async () => {
		const requests = interceptMetal({ method: 'put', path: `/v1/people/${ID}`, reply: updated });

		const { error } = await run({ email: ' ', location: { values: { city: '' } } });

		expect(error?.message).toBe('Nothing to change in item 0: Update Fields is empty');
		expect(requests).toHaveLength(0);
	});
});

describe('Person → Update: the fields offered', () => {
	const properties = new Metal().description.properties;
	const personId = properties.find((p) => p.name === 'personId');
	const updateFields = properties.find(
		(p) => p.name === 'updateFields' && p.displayOptions?.show?.resource?.includes('person'),
	);
	const options = (updateFields?.options ?? []) as INodeProperties[];

	it('the documented fields', () => {
		expect(options.map((o) => o.name).sort()).toEqual(
			[
				'company',
				'currentCompanyName',
				'currentTitle',
				'email',
				'externalId',
				'firstName',
				'lastName',
				'linkedinUrl',
				'location',
				'phoneNumber',
			].sort(),
		);
	});

	it('each says that Metal does not document whether a field not sent is kept or cleared', () => {
		for (const option of options) {
			expect(option.description).toContain(
				'Sent only when set: Metal does not document whether a field left out of an update keeps or loses its value.',
			);
		}
	});

	it('the person By ID only: Metal documents no list of people to pick from', () => {
		expect(personId?.modes?.map((m) => m.name)).toEqual(['id']);
	});
});

describe('Person → Update: its own errors', () => {
	it('404: names the ID; the person was not updated', async () => {
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/people/${ID}`,
			times: 2,
			reply: () => [404, { error: 'Person not found' }],
		});

		const { error } = await run({ firstName: 'Jane' });

		expect(requests).toHaveLength(1);
		expect(error?.message).toBe(`Metal has no person with the ID "${ID}"`);
		expect(error?.description?.split('\n')[0]).toBe(
			"The person was not updated. Check the ID: it may be mistyped, or belong to a person of another organization than the API key's. Find the person with Person → Search.",
		);
	});

	it('500 is retried; after five, the person may or may not have been updated', async () => {
		const requests = interceptMetal({
			method: 'put',
			path: `/v1/people/${ID}`,
			times: 6,
			reply: () => [500, { error: 'Internal server error' }],
		});

		const { error } = await run({ firstName: 'Jane' });

		expect(requests).toHaveLength(5);
		expect(requests.map((r) => r.body)).toEqual(Array(5).fill({ firstName: 'Jane' }));
		expect(clock.waits()).toHaveLength(4);
		expect(error?.description?.split('\n')[0]).toBe(
			'The person may or may not have been updated. Running this item again is safe: an update sends the same values again.',
		);
	});

	it('500 then 200: updated after one backoff', async () => {
		interceptMetal({
			method: 'put',
			path: `/v1/people/${ID}`,
			times: 2,
			reply: (body, index) =>
				index === 0 ? [500, { error: 'Internal server error' }] : updated(body),
		});

		const { output, error } = await run({ firstName: 'Jane' });

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { ...person, firstName: 'Jane' }, pairedItem: { item: 0 } }]);
		expect(clock.waits()).toEqual([750]);
	});
});
