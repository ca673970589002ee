'use strict';

const { startTestSimulator, withSimulator, call } = require('./helpers');

// GET /v1/companies/externalId={externalId} and GET /v1/deals/externalId={externalId}: the
// `externalId=` is part of the path, the external id follows it percent-encoded.
describe.each([
	['companies', 'Company', { canonicalName: 'Acme' }],
	['deals', 'Deal', { name: 'Falcon', stage: 'SOURCED' }],
])('GET /v1/%s/externalId={externalId}', (resource, noun, fields) => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	const byExternalId = (encoded, options) =>
		call(simulator, 'GET', `/v1/${resource}/externalId=${encoded}`, options);
	const notFound = [404, { error: `${noun} not found` }];

	test('answers 200 {data} with the record whose externalId is exactly the one given', async () => {
		const [, wanted] = simulator.seed(resource, [
			{ ...fields, externalId: 'crm-2' },
			{ ...fields, externalId: 'crm-1' },
			{ ...fields, externalId: 'CRM-1' },
		]);
		const response = await byExternalId('crm-1');
		expect([response.status, response.body]).toEqual([200, { data: wanted }]);
		expect(simulator.log.at(-1)).toMatchObject({
			path: `/v1/${resource}/externalId=crm-1`,
			status: 200,
			outcome: 'ok',
		});
	});

	test('percent-decodes the external id (spaces, slashes, "=", non-ASCII)', async () => {
		const externalId = 'hubspot/42 = Zürich?#';
		const record = simulator.seed(resource, { ...fields, externalId });
		const response = await byExternalId(encodeURIComponent(externalId));
		expect([response.status, response.body]).toEqual([200, { data: record }]);
		// An "=" may also travel as is.
		const plain = simulator.seed(resource, { ...fields, externalId: 'a=b' });
		expect((await byExternalId('a=b')).body).toEqual({ data: plain });
	});

	test('several records with the same external id: the first stored', async () => {
		const [oldest] = simulator.seed(resource, [
			{ ...fields, id: simulator.objectId('2026-03-01T00:00:00Z'), externalId: 'dup' },
			{ ...fields, id: simulator.objectId('2026-01-01T00:00:00Z'), externalId: 'dup' },
		]);
		expect((await byExternalId('dup')).body).toEqual({ data: oldest });
	});

	test.each([
		['an unknown external id', 'crm-404'],
		['another case', 'CRM-7'],
		['an empty external id', ''],
		['the Metal id', 'ID'],
		['a malformed encoding', '%E0%A4%A'],
	])('answers 404 for %s', async (_label, encoded) => {
		const record = simulator.seed(resource, { ...fields, externalId: 'crm-7' });
		simulator.seed(resource, fields);
		const response = await byExternalId(encoded === 'ID' ? record.id : encoded);
		expect([response.status, response.body]).toEqual(notFound);
		expect(simulator.log.at(-1)).toMatchObject({ outcome: 'not_found' });
	});

	test('a record without an externalId is never found by an empty one', async () => {
		simulator.seed(resource, [fields, { ...fields, externalId: '' }]);
		const response = await byExternalId('');
		expect([response.status, response.body]).toEqual(notFound);
	});

	test('a malformed encoding is matched as written', async () => {
		const record = simulator.seed(resource, { ...fields, externalId: '%E0%A4%A' });
		expect((await byExternalId('%E0%A4%A')).body).toEqual({ data: record });
	});

	test('401 without credentials', async () => {
		simulator.seed(resource, { ...fields, externalId: 'crm-1' });
		const response = await byExternalId('crm-1', { auth: false });
		expect(response.status).toBe(401);
	});
});

describe('external id routes', () => {
	test('the company look-up wins over GET /v1/companies/{id}; deals have no GET by id', () =>
		withSimulator({}, async (simulator) => {
			const company = simulator.seed('companies', { canonicalName: 'Acme', externalId: 'x' });
			await call(simulator, 'GET', '/v1/companies/externalId=x');
			await call(simulator, 'GET', `/v1/companies/${company.id}`);
			const deal = simulator.seed('deals', { name: 'Falcon', externalId: 'crm-1' });
			const byId = await call(simulator, 'GET', `/v1/deals/${deal.id}`);
			expect([byId.status, byId.body]).toEqual([404, { error: 'Not found' }]);
			expect(simulator.log.map((entry) => [entry.status, entry.outcome])).toEqual([
				[200, 'ok'],
				[200, 'ok'],
				[404, 'not_found'],
			]);
		}));

	test.each([
		['getCompanyByExternalId', '/v1/companies/externalId=crm-1', '/v1/deals/externalId=crm-1'],
		['getDealByExternalId', '/v1/deals/externalId=crm-1', '/v1/companies/externalId=crm-1'],
	])('faultRoutes can name %s (%s fails, %s does not)', (name, path, otherPath) =>
		withSimulator({ failRate: 1, faultRoutes: [name] }, async (simulator) => {
			simulator.seed('companies', { canonicalName: 'Acme', externalId: 'crm-1' });
			simulator.seed('deals', { name: 'Falcon', externalId: 'crm-1' });
			const failed = await call(simulator, 'GET', path);
			expect([failed.status, failed.body]).toEqual([500, { error: 'Internal server error' }]);
			expect(simulator.log.at(-1).outcome).toBe('failed');
			expect((await call(simulator, 'GET', otherPath)).status).toBe(200);
		}),
	);
});
