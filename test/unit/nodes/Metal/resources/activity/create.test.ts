import { interceptMetal } from '../../../../../helpers/metalNock';
import {
	CANARY_KEY,
	CLIENT_ID,
	runMetalNode,
	type RunOptions,
} from '../../../../../helpers/runMetalNode';

const DEAL_A = '665f1c2a9b1e4a0012a3d001';
const DEAL_B = '665f1c2a9b1e4a0012a3d002';
const PERSON_A = '665f1c2a9b1e4a0012a3e001';
const PERSON_B = '665f1c2a9b1e4a0012a3e002';

/** An activity as Metal answers it, for the body that created it. */
const activityFor = (body: unknown, index: number) => ({
	id: `665f1c2a9b1e4a0012a3a${String(index).padStart(3, '0')}`,
	isPrivate: false,
	...(body as object),
	relatedResources: [],
	createdAt: '2026-11-29T10:00:00.000Z',
	updatedAt: '2026-11-29T10:00:00.000Z',
});

const created = (body: unknown, index: number): [number, unknown] => [
	201,
	{ data: activityFor(body, index) },
];

function run(parameters: Record<string, unknown>, options: Omit<RunOptions, 'parameters'> = {}) {
	return runMetalNode({
		...options,
		parameters: {
			resource: 'activity',
			operation: 'create',
			...parameters,
		} as RunOptions['parameters'],
	});
}

describe('Activity → Create: the request', () => {
	it('only the subject: POST /v1/activities with the headers and { subject }', async () => {
		const requests = interceptMetal({ path: '/v1/activities', reply: created });

		const { output, error } = await run({ subject: 'Intro call with management' });

		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/activities');
		expect(request.headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(request.headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({ subject: 'Intro call with management' });
		expect(output).toEqual([
			{
				json: activityFor({ subject: 'Intro call with management' }, 0),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('every field: each documented field with its documented type', async () => {
		const requests = interceptMetal({ path: '/v1/activities', reply: created });

		const { error } = await run({
			subject: 'Management meeting',
			additionalFields: {
				type: 'Meeting',
				startedAt: '2026-11-29T10:00:00Z',
				endedAt: '2026-11-29T11:30:00+01:00',
				participants: {
					values: [
						{ id: PERSON_A, type: 'person' },
						{ id: ` ${PERSON_B} `, type: 'person' },
					],
				},
				deals: `${DEAL_A}, ${DEAL_B}`,
				externalReference: { values: { source: 'google-calendar', id: 'evt_7kq1v0o2' } },
				isPrivate: true,
			},
		});

		expect(error).toBeUndefined();
		expect(requests[0].body).toStrictEqual({
			subject: 'Management meeting',
			type: 'Meeting',
			startedAt: '2026-11-29T10:00:00.000Z',
			endedAt: '2026-11-29T10:30:00.000Z',
			participants: [
				{ id: PERSON_A, type: 'person' },
				{ id: PERSON_B, type: 'person' },
			],
			deals: [DEAL_A, DEAL_B],
			externalReference: { source: 'google-calendar', id: 'evt_7kq1v0o2' },
			isPrivate: true,
		});
	});

	it('fields added but left empty are not sent', async () => {
		const requests = interceptMetal({ path: '/v1/activities', reply: created });

		await run({
			subject: 'Call',
			additionalFields: {
				type: '',
				startedAt: '',
				endedAt: '',
				participants: {},
				deals: '',
				externalReference: {},
				isPrivate: false,
			},
		});

		expect(requests[0].body).toStrictEqual({ subject: 'Call', isPrivate: false });
	});

	it('a calendar event per item: one request and one paired output each, in order', async () => {
		const requests = interceptMetal({ path: '/v1/activities', times: 2, reply: created });
		const events = [
			{
				id: 'evt_1',
				summary: 'Atlas: management call',
				start: '2026-11-30T09:00:00Z',
				deal: DEAL_A,
			},
			{
				id: 'evt_2',
				summary: 'Borealis: site visit',
				start: '2026-12-01T14:00:00Z',
				deal: [DEAL_B],
			},
		];

		const { output } = await run(
			{
				subject: '={{ $json.summary }}',
				additionalFields: {
					type: 'Meeting',
					startedAt: '={{ $json.start }}',
					deals: '={{ $json.deal }}',
					externalReference: { values: { source: 'google-calendar', id: '={{ $json.id }}' } },
				},
			},
			{ items: events },
		);

		const bodies = [
			{
				subject: 'Atlas: management call',
				type: 'Meeting',
				startedAt: '2026-11-30T09:00:00.000Z',
				deals: [DEAL_A],
				externalReference: { source: 'google-calendar', id: 'evt_1' },
			},
			{
				subject: 'Borealis: site visit',
				type: 'Meeting',
				startedAt: '2026-12-01T14:00:00.000Z',
				deals: [DEAL_B],
				externalReference: { source: 'google-calendar', id: 'evt_2' },
			},
		];
		expect(requests.map((r) => r.body)).toEqual(bodies);
		expect(output).toEqual(
			bodies.map((body, index) => ({
				json: activityFor(body, index),
				pairedItem: { item: index },
			})),
		);
	});
});

describe('Activity → Create: its own errors', () => {
	it("404: the Base URL may lack the activities endpoint: Metal's words, and no activity was created", async () => {
		const requests = interceptMetal({
			path: '/v1/activities',
			times: 2,
			reply: () => [404, { error: 'Not found' }],
		});

		const { error } = await run({ subject: 'Call' });

		expect(requests).toHaveLength(1);
		expect(error?.message).toBe('Metal could not find it: Not found');
		expect(error?.description?.split('\n')[0]).toBe(
			'No activity was created. Check the Base URL in the Metal API credential (https://api.metal.ai, or a proxy that forwards /v1/activities to it), and that the records this item names belong to the organization of the API key.',
		);
	});

	it('400: Metal refused the body, and no activity was created', async () => {
		interceptMetal({
			path: '/v1/activities',
			reply: () => [400, { error: 'invalid participants' }],
		});

		const { error } = await run({ subject: 'Call' });

		expect(error?.message).toBe('Metal rejected the request as invalid: invalid participants');
		expect(error?.description?.split('\n')[0]).toBe(
			"No activity was created. Check this item's values against the fields of the operation; Metal accepts only the documented fields and types.",
		);
	});

	it('500: sent once, never again, and the activity may or may not have been created', async () => {
		const requests = interceptMetal({
			path: '/v1/activities',
			times: 2,
			reply: () => [500, { error: 'Internal server error' }],
		});

		const { error } = await run({ subject: 'Call' });

		expect(requests).toHaveLength(1);
		expect(error?.description?.split('\n')[0]).toBe(
			'The activity may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
		);
	});

	it('a participant without an ID is refused before anything is sent', async () => {
		const requests = interceptMetal({ path: '/v1/activities', reply: created });

		const { error } = await run({
			subject: 'Call',
			additionalFields: {
				participants: { values: [{ id: PERSON_A, type: 'person' }, { type: 'person' }] },
			},
		});

		expect(error?.message).toBe('The "Participants → ID" parameter is empty in item 0');
		expect(requests).toHaveLength(0);
	});

	it('an external reference without its ID is refused before anything is sent', async () => {
		const requests = interceptMetal({ path: '/v1/activities', reply: created });

		const { error } = await run({
			subject: 'Call',
			additionalFields: { externalReference: { values: { source: 'google-calendar' } } },
		});

		expect(error?.message).toBe('The "External Reference → ID" parameter is empty in item 0');
		expect(requests).toHaveLength(0);
	});
});
