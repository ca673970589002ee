'use strict';

const { DEAL_STAGES, DEAL_STATUSES } = require('../../tools/metal-simulator/schemas');
const { ISO_UTC, UNKNOWN_ID, startTestSimulator, call, wait } = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };
const COMPANY_ID = '6650a0000000000000000003';

// PUT /v1/deals/{id}, /v1/companies/{id} and /v1/people/{id}: every body field optional, the fields
// given are set, the others left as they were (Metal does not say; the README does).
const CASES = [
	{
		resource: 'deals',
		path: '/v1/deals',
		noun: 'Deal',
		seed: {
			name: 'Project Falcon',
			stage: 'SOURCED',
			status: 'ACTIVE',
			owners: [{ id: UNKNOWN_ID, type: 'user' }],
		},
		update: {
			name: 'Project Falcon II',
			companyId: COMPANY_ID.toUpperCase(),
			status: 'CLOSED',
			stage: 'PORTFOLIO_COMPANY',
			sector: 'Software',
			size: 12.5,
			notes: 'Closed in Q3',
		},
		stored: { companyId: COMPANY_ID },
		invalid: [
			['a stage label', { stage: 'Due Diligence' }],
			['a lower-case status', { status: 'active' }],
			['a string size', { size: '12.5' }],
			['a null size', { size: null }],
			['a malformed companyId', { companyId: 'acme' }],
			['owners (not in the update schema)', { owners: [] }],
			['externalStage (not in the update schema)', { externalStage: 'x' }],
			['an id in the body', { id: UNKNOWN_ID }],
		],
	},
	{
		resource: 'companies',
		path: '/v1/companies',
		noun: 'Company',
		seed: { canonicalName: 'Acme', companyType: 'operating', custom: { tier: 'A', region: 'EU' } },
		update: {
			canonicalName: 'Acme Holdings',
			alternativeNames: ['Acme', 'ACME Inc.'],
			website: 'https://acme.example',
			description: 'Makes everything',
			shortDescription: 'Everything',
			sector: 'Industrials',
			industry: 'Manufacturing',
			externalId: 'crm-12345',
			custom: { tier: 'B' },
		},
		stored: {},
		invalid: [
			['alternativeNames as a string', { alternativeNames: 'Acme' }],
			['a number in alternativeNames', { alternativeNames: ['Acme', 1] }],
			['custom as a list', { custom: [['tier', 'A']] }],
			['custom as JSON text', { custom: '{"tier":"A"}' }],
			['a numeric externalId', { externalId: 12345 }],
			['companyType (not in the update schema)', { companyType: 'investor' }],
			['location (not in the update schema)', { location: { city: 'Paris' } }],
		],
	},
	{
		resource: 'people',
		path: '/v1/people',
		noun: 'Person',
		seed: { firstName: 'Ada', lastName: 'Lovelace', location: { city: 'London', country: 'UK' } },
		update: {
			firstName: 'Ada',
			lastName: 'King',
			email: 'ada@example.com',
			currentTitle: 'Partner',
			currentCompanyName: 'Analytical Capital',
			company: 'Analytical Capital',
			linkedinUrl: 'https://www.linkedin.com/in/ada',
			phoneNumber: '+44 20 0000 0000',
			location: { city: 'Paris', state: 'IDF', country: 'France' },
			externalId: 'hubspot-1',
		},
		stored: {},
		invalid: [
			['location as a string', { location: 'Paris' }],
			['an unknown location field', { location: { city: 'Paris', zip: '75001' } }],
			['a numeric location field', { location: { city: 1 } }],
			['a numeric phone number', { phoneNumber: 442000000000 }],
			['enrichment (not in the update schema)', { enrichment: {} }],
		],
	},
];

describe.each(CASES)(
	'PUT $path/{id}',
	({ resource, path, noun, seed, update, stored, invalid }) => {
		let simulator;

		beforeAll(async () => {
			simulator = await startTestSimulator();
		});
		afterAll(() => simulator.close());
		beforeEach(() => simulator.reset());

		const put = (id, body) => call(simulator, 'PUT', `${path}/${id}`, { body });

		test('sets every documented field given and keeps the rest', async () => {
			const before = simulator.seed(resource, seed);
			await wait(5);
			const response = await put(before.id, update);
			expect(response.status).toBe(200);
			const { createdAt: _c, updatedAt: _u, ...beforeFields } = before;
			const expected = { ...beforeFields, ...update, ...stored };
			if (before.createdAt) {
				Object.assign(expected, {
					createdAt: before.createdAt,
					updatedAt: expect.stringMatching(ISO_UTC),
				});
				expect(Date.parse(response.body.data.updatedAt)).toBeGreaterThan(
					Date.parse(before.updatedAt),
				);
			}
			expect(response.body).toEqual({ data: expected });
			expect(simulator.record(resource, before.id)).toEqual(response.body.data);
			expect(simulator.log.at(-1)).toMatchObject({ status: 200, outcome: 'updated' });
		});

		test('an empty body changes nothing but is accepted (every field is optional)', async () => {
			const before = simulator.seed(resource, seed);
			const response = await put(before.id, {});
			expect(response.status).toBe(200);
			const { updatedAt: _u, ...unchanged } = before;
			expect(response.body.data).toMatchObject(unchanged);
		});

		test(`answers 404 ${noun} not found for an unknown or malformed id`, async () => {
			simulator.seed(resource, seed);
			for (const id of [UNKNOWN_ID, 'crm-12345']) {
				const response = await put(id, {});
				expect([response.status, response.body]).toEqual([404, { error: `${noun} not found` }]);
			}
		});

		test.each([
			...invalid,
			['an unknown field', { nickname: 'x' }],
			['a JSON array', [update]],
			['JSON null', null],
		])('answers 400 for %s and changes nothing', async (_label, body) => {
			const before = simulator.seed(resource, seed);
			const response = await put(before.id, body);
			expect([response.status, response.body]).toEqual([400, INVALID_BODY]);
			expect(simulator.records(resource)).toEqual([before]);
		});

		test('answers 400 without a JSON body', async () => {
			const before = simulator.seed(resource, seed);
			const response = await call(simulator, 'PUT', `${path}/${before.id}`, { rawBody: '' });
			expect([response.status, response.body]).toEqual([400, INVALID_BODY]);
		});
	},
);

describe('PUT /v1/deals/{id} enums', () => {
	let simulator;
	let deal;

	beforeAll(async () => {
		simulator = await startTestSimulator();
		deal = simulator.seed('deals', { name: 'Project Falcon' });
	});
	afterAll(() => simulator.close());

	test('takes each of the 10 documented stages and 3 statuses', async () => {
		expect(DEAL_STAGES).toHaveLength(10);
		for (const stage of DEAL_STAGES) {
			const response = await call(simulator, 'PUT', `/v1/deals/${deal.id}`, { body: { stage } });
			expect([stage, response.status, response.body.data.stage]).toEqual([stage, 200, stage]);
		}
		expect(DEAL_STATUSES).toEqual(['ACTIVE', 'CLOSED', 'PASSED_DEAD']);
		for (const status of DEAL_STATUSES) {
			const response = await call(simulator, 'PUT', `/v1/deals/${deal.id}`, { body: { status } });
			expect([status, response.status, response.body.data.status]).toEqual([status, 200, status]);
		}
	});
});
