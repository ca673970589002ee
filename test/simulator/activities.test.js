'use strict';

const { ISO_UTC, OBJECT_ID, UNKNOWN_ID, startTestSimulator, call, wait } = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };
const NOT_FOUND = { error: 'Activity not found' };
const DEAL_ID = '6650a0000000000000000001';
const PERSON_ID = '6650a0000000000000000002';

describe('activities', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	const create = (body) => call(simulator, 'POST', '/v1/activities', { body });

	describe('POST /v1/activities', () => {
		test('creates from a subject only: 201 with the documented Activity shape, in its key order', async () => {
			const response = await create({ subject: 'Intro call with management' });
			expect(response.status).toBe(201);
			const activity = response.body.data;
			expect(response.body).toEqual({
				data: {
					id: expect.stringMatching(OBJECT_ID),
					subject: 'Intro call with management',
					participants: [],
					deals: [],
					relatedResources: [],
					isPrivate: false,
					createdAt: expect.stringMatching(ISO_UTC),
					updatedAt: activity.createdAt,
				},
			});
			expect(Object.keys(activity)).toEqual([
				'id',
				'subject',
				'participants',
				'deals',
				'relatedResources',
				'isPrivate',
				'createdAt',
				'updatedAt',
			]);
			expect(simulator.records('activities')).toEqual([activity]);
			expect(simulator.log.at(-1)).toMatchObject({
				status: 201,
				outcome: 'created',
				createdId: activity.id,
				workspaceId: null,
			});
		});

		test('keeps every documented field; date-times come back in UTC, ids in lower case', async () => {
			const response = await create({
				subject: 'IC prep',
				type: 'Meeting',
				startedAt: '2026-03-02T09:00:00+01:00',
				endedAt: '2026-03-02T08:45:00Z',
				participants: [{ id: PERSON_ID.toUpperCase(), type: 'person' }],
				deals: [DEAL_ID],
				externalReference: { source: 'google-calendar', id: 'evt_123' },
				isPrivate: true,
			});
			expect(response.status).toBe(201);
			expect(response.body.data).toEqual({
				id: expect.stringMatching(OBJECT_ID),
				subject: 'IC prep',
				type: 'Meeting',
				startedAt: '2026-03-02T08:00:00.000Z',
				endedAt: '2026-03-02T08:45:00.000Z',
				participants: [{ id: PERSON_ID, type: 'person' }],
				deals: [DEAL_ID],
				relatedResources: [],
				externalReference: { source: 'google-calendar', id: 'evt_123' },
				isPrivate: true,
				createdAt: expect.stringMatching(ISO_UTC),
				updatedAt: expect.stringMatching(ISO_UTC),
			});
		});

		test.each([
			['no body', { rawBody: '' }],
			['a JSON array', { body: [{ subject: 'a' }] }],
			['a missing subject', { body: { type: 'Call' } }],
			['a blank subject', { body: { subject: ' ' } }],
			['a numeric subject', { body: { subject: 1 } }],
			['an unknown field', { body: { subject: 'a', relatedResources: [] } }],
			['a numeric type', { body: { subject: 'a', type: 3 } }],
			['a date without a zone', { body: { subject: 'a', startedAt: '2026-03-02T09:00:00' } }],
			['a date as milliseconds', { body: { subject: 'a', endedAt: 1772442000000 } }],
			['participants as an object', { body: { subject: 'a', participants: { id: PERSON_ID } } }],
			['a participant without type', { body: { subject: 'a', participants: [{ id: PERSON_ID }] } }],
			[
				'a participant with a bad id',
				{ body: { subject: 'a', participants: [{ id: 'jane', type: 'person' }] } },
			],
			['a participant that is a string', { body: { subject: 'a', participants: [PERSON_ID] } }],
			['deals as one id', { body: { subject: 'a', deals: DEAL_ID } }],
			['a malformed deal id', { body: { subject: 'a', deals: ['deal-1'] } }],
			[
				'an externalReference without id',
				{ body: { subject: 'a', externalReference: { source: 's' } } },
			],
			[
				'an externalReference with a numeric id',
				{ body: { subject: 'a', externalReference: { source: 's', id: 1 } } },
			],
			[
				'an externalReference with an extra field',
				{ body: { subject: 'a', externalReference: { source: 's', id: '1', url: 'x' } } },
			],
			['a string isPrivate', { body: { subject: 'a', isPrivate: 'false' } }],
		])('answers 400 for %s and stores nothing', async (_label, request) => {
			const response = await call(simulator, 'POST', '/v1/activities', request);
			expect([response.status, response.body]).toEqual([400, INVALID_BODY]);
			expect(simulator.records('activities')).toEqual([]);
			expect(simulator.log.at(-1).outcome).toBe('invalid_body');
		});
	});

	describe('GET /v1/activities/{id}', () => {
		test('answers the stored activity, whatever the case of the id', async () => {
			const { data } = (await create({ subject: 'Call', type: 'Call' })).body;
			for (const id of [data.id, data.id.toUpperCase()]) {
				const response = await call(simulator, 'GET', `/v1/activities/${id}`);
				expect([response.status, response.body]).toEqual([200, { data }]);
			}
		});

		test.each([UNKNOWN_ID, 'not-an-id', 'abc%2Fdef'])(
			'answers 404 Activity not found for %s',
			async (id) => {
				const response = await call(simulator, 'GET', `/v1/activities/${id}`);
				expect([response.status, response.body]).toEqual([404, NOT_FOUND]);
			},
		);
	});

	describe('PUT /v1/activities/{id}', () => {
		test('sets the fields given, keeps the others, moves updatedAt only', async () => {
			const before = (
				await create({
					subject: 'Call',
					type: 'Call',
					deals: [DEAL_ID],
					externalReference: { source: 'crm', id: '9' },
				})
			).body.data;
			await wait(5);
			const response = await call(simulator, 'PUT', `/v1/activities/${before.id}`, {
				body: {
					subject: 'Call (rescheduled)',
					startedAt: '2026-03-03T10:00:00Z',
					participants: [{ id: PERSON_ID, type: 'person' }],
					isPrivate: true,
				},
			});
			expect(response.status).toBe(200);
			expect(response.body.data).toEqual({
				...before,
				subject: 'Call (rescheduled)',
				startedAt: '2026-03-03T10:00:00.000Z',
				participants: [{ id: PERSON_ID, type: 'person' }],
				isPrivate: true,
				updatedAt: expect.stringMatching(ISO_UTC),
			});
			expect(Object.keys(response.body.data).slice(-2)).toEqual(['createdAt', 'updatedAt']);
			expect(Date.parse(response.body.data.updatedAt)).toBeGreaterThan(
				Date.parse(before.updatedAt),
			);
			expect(simulator.records('activities')).toEqual([response.body.data]);
			expect(simulator.log.at(-1)).toMatchObject({ outcome: 'updated', createdId: null });
		});

		test.each([
			['deals (not in the update schema)', { deals: [DEAL_ID] }],
			[
				'externalReference (not in the update schema)',
				{ externalReference: { source: 's', id: '1' } },
			],
			['a blank subject', { subject: '' }],
			['an unknown field', { note: 'x' }],
			['a bad date', { endedAt: 'tomorrow' }],
		])('answers 400 for %s and changes nothing', async (_label, body) => {
			const before = (await create({ subject: 'Call' })).body.data;
			const response = await call(simulator, 'PUT', `/v1/activities/${before.id}`, { body });
			expect([response.status, response.body]).toEqual([400, INVALID_BODY]);
			expect(simulator.records('activities')).toEqual([before]);
		});

		test('checks the body before the id: 400 for a bad body, 404 for a good one', async () => {
			const bad = await call(simulator, 'PUT', `/v1/activities/${UNKNOWN_ID}`, { body: { x: 1 } });
			expect([bad.status, bad.body]).toEqual([400, INVALID_BODY]);
			const missing = await call(simulator, 'PUT', `/v1/activities/${UNKNOWN_ID}`, {
				body: { subject: 'x' },
			});
			expect([missing.status, missing.body]).toEqual([404, NOT_FOUND]);
		});
	});
});
