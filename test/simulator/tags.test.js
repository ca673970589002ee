'use strict';

const { OBJECT_ID, ISO_UTC, startTestSimulator, call } = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };

describe('POST /v1/tags', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	const create = (body) => call(simulator, 'POST', '/v1/tags', { body });

	test('answers 201 with the documented fields; the type is stored, not answered', async () => {
		const response = await create({
			type: 'deal',
			value: 'Hot lead',
			color: '#ff0000',
			externalReference: { source: 'hubspot', id: 'tag-7' },
		});
		expect(response.status).toBe(201);
		const { data } = response.body;
		expect(response.body).toEqual({
			data: {
				id: expect.stringMatching(OBJECT_ID),
				value: 'Hot lead',
				color: '#ff0000',
				externalReference: { source: 'hubspot', id: 'tag-7' },
				createdAt: expect.stringMatching(ISO_UTC),
				updatedAt: data.createdAt,
			},
		});
		const { id, ...answered } = data;
		expect(simulator.records('tags')).toEqual([{ id, type: 'deal', ...answered }]);
	});

	test.each(['company', 'deal', 'list'])('takes type %s with a value only', async (type) => {
		const response = await create({ type, value: 'Priority' });
		expect(response.status).toBe(201);
		expect(Object.keys(response.body.data)).toEqual(['id', 'value', 'createdAt', 'updatedAt']);
	});

	test.each([
		['no type (the curl sample leaves it out; the schema requires it)', { value: 'x' }],
		['no value', { type: 'company' }],
		['a capitalised type', { type: 'Company', value: 'x' }],
		['type person', { type: 'person', value: 'x' }],
		['a blank value', { type: 'company', value: '' }],
		['a numeric color', { type: 'company', value: 'x', color: 0xff0000 }],
		[
			'an externalReference without source',
			{ type: 'company', value: 'x', externalReference: { id: '1' } },
		],
		['an unknown field', { type: 'company', value: 'x', name: 'x' }],
	])('answers 400 for %s and stores nothing', async (_label, body) => {
		const response = await create(body);
		expect([response.status, response.body]).toEqual([400, INVALID_BODY]);
		expect(simulator.records('tags')).toEqual([]);
	});
});
