'use strict';

const { OBJECT_ID, ISO_UTC, startTestSimulator, call } = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };
const COMPANY_ID = '6650a0000000000000000003';
const REQUIRED = {
	resourceType: 'company',
	resourceId: COMPANY_ID,
	property: 'description',
	value: 'Makes everything',
	source: 'analyst-notes',
	sourceId: 'note-42',
};

describe('POST /v1/enrichments', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	const create = (body) => call(simulator, 'POST', '/v1/enrichments', { body });

	test('answers 201 with the documented fields only; keeps the rest in the store', async () => {
		const response = await create({
			...REQUIRED,
			resourceId: COMPANY_ID.toUpperCase(),
			provider: 'internal',
			confidence: 0.9,
			rationale: 'From the CIM',
		});
		expect(response.status).toBe(201);
		const { data } = response.body;
		expect(response.body).toEqual({
			data: {
				id: expect.stringMatching(OBJECT_ID),
				property: 'description',
				value: 'Makes everything',
				provider: 'internal',
				source: 'analyst-notes',
				sourceId: 'note-42',
				confidence: 0.9,
				capturedOn: expect.stringMatching(ISO_UTC),
			},
		});
		expect(Object.keys(data)).toEqual([
			'id',
			'property',
			'value',
			'provider',
			'source',
			'sourceId',
			'confidence',
			'capturedOn',
		]);
		expect(simulator.records('enrichments')).toEqual([
			{
				id: data.id,
				resourceType: 'company',
				resourceId: COMPANY_ID,
				property: 'description',
				value: 'Makes everything',
				provider: 'internal',
				source: 'analyst-notes',
				sourceId: 'note-42',
				confidence: 0.9,
				rationale: 'From the CIM',
				capturedOn: data.capturedOn,
			},
		]);
		expect(simulator.log.at(-1)).toMatchObject({ outcome: 'created', createdId: data.id });
	});

	test.each([
		['a number', 57],
		['null', null],
		['a boolean', false],
		['a list', ['a', 'b']],
		['an object', { amount: 12, currency: 'EUR' }],
	])('takes %s as the value and answers it back', async (_label, value) => {
		const response = await create({ ...REQUIRED, value });
		expect(response.status).toBe(201);
		expect(response.body.data.value).toEqual(value);
		// Optional fields that were not sent are not in the answer.
		expect(response.body.data).not.toHaveProperty('provider');
		expect(response.body.data).not.toHaveProperty('confidence');
	});

	test.each([0, 1])('takes confidence %p (the bounds)', async (confidence) => {
		expect((await create({ ...REQUIRED, confidence })).status).toBe(201);
	});

	const without = (key) =>
		Object.fromEntries(Object.entries(REQUIRED).filter(([name]) => name !== key));

	test.each([
		...Object.keys(REQUIRED).map((key) => [`no ${key}`, without(key)]),
		['a malformed resourceId', { ...REQUIRED, resourceId: 'acme' }],
		['a blank property', { ...REQUIRED, property: '' }],
		['a numeric sourceId', { ...REQUIRED, sourceId: 42 }],
		['confidence 57 (a stored-entry scale, not the request one)', { ...REQUIRED, confidence: 57 }],
		['a negative confidence', { ...REQUIRED, confidence: -0.1 }],
		['a string confidence', { ...REQUIRED, confidence: '0.5' }],
		['a numeric rationale', { ...REQUIRED, rationale: 1 }],
		['an unknown field', { ...REQUIRED, pinned: true }],
	])('answers 400 for %s and stores nothing', async (_label, body) => {
		const response = await create(body);
		expect([response.status, response.body]).toEqual([400, INVALID_BODY]);
		expect(simulator.records('enrichments')).toEqual([]);
	});
});
