'use strict';

const { UNKNOWN_ID, startTestSimulator, withSimulator, call } = require('./helpers');

const COMPANY_NOT_FOUND = { error: 'Company not found' };

describe('GET /v1/companies/{id}', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('answers 200 {data: Company} with the stored company, whatever the id case', async () => {
		const company = simulator.seed('companies', {
			canonicalName: 'Acme',
			alternativeNames: ['Acme Corp'],
			externalId: 'crm-1',
			location: { city: 'Paris', country: 'France' },
		});
		simulator.seed('companies', { canonicalName: 'Other' });
		for (const id of [company.id, company.id.toUpperCase()]) {
			const response = await call(simulator, 'GET', `/v1/companies/${id}`);
			expect([response.status, response.body]).toEqual([200, { data: company }]);
		}
		expect(simulator.log.at(-1)).toMatchObject({
			method: 'GET',
			status: 200,
			outcome: 'ok',
			createdId: null,
		});
	});

	test('shows the latest update', async () => {
		const company = simulator.seed('companies', { canonicalName: 'Acme' });
		const updated = await call(simulator, 'PUT', `/v1/companies/${company.id}`, {
			body: { sector: 'Software' },
		});
		const response = await call(simulator, 'GET', `/v1/companies/${company.id}`);
		expect(response.body).toEqual(updated.body);
		expect(response.body.data.sector).toBe('Software');
	});

	test.each([
		['an unknown id', UNKNOWN_ID],
		['a malformed id', 'acme'],
		['a malformed encoding', '%E0%A4%A'],
		['the id of a deal', 'DEAL'],
		['an external reference (not simulated)', 'externalReference=crm-1'],
	])('answers 404 Company not found for %s', async (_label, id) => {
		const deal = simulator.seed('deals', { name: 'Falcon' });
		const path = `/v1/companies/${id === 'DEAL' ? deal.id : id}`;
		const response = await call(simulator, 'GET', path);
		expect([response.status, response.body]).toEqual([404, COMPANY_NOT_FOUND]);
		expect(simulator.log.at(-1)).toMatchObject({ status: 404, outcome: 'not_found' });
	});

	test('a removed company is not found', async () => {
		const company = simulator.seed('companies', { canonicalName: 'Acme' });
		simulator.remove('companies', company.id);
		const response = await call(simulator, 'GET', `/v1/companies/${company.id}`);
		expect(response.status).toBe(404);
	});

	test('needs credentials, and faultRoutes can name it', async () => {
		const unauthenticated = await call(simulator, 'GET', `/v1/companies/${UNKNOWN_ID}`, {
			auth: false,
		});
		expect([unauthenticated.status, unauthenticated.body]).toEqual([
			401,
			{ error: 'invalid api key or clientId' },
		]);
		await withSimulator({ failRate: 1, faultRoutes: ['getCompany'] }, async (faulty) => {
			const company = faulty.seed('companies', { canonicalName: 'Acme' });
			const failed = await call(faulty, 'GET', `/v1/companies/${company.id}`);
			expect([failed.status, failed.body]).toEqual([500, { error: 'Internal server error' }]);
			const other = await call(faulty, 'GET', `/v1/companies/externalId=x`);
			expect(other.status).toBe(404);
		});
	});
});
