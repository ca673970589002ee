'use strict';

const { startTestSimulator, withSimulator, call } = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };

function search(simulator, resource, body) {
	return call(simulator, 'POST', `/v1/${resource}/search`, { body });
}

const names = (response, field) => response.body.data.map((record) => record[field]);

// The five searches share one body schema, one page cap and one ranking rule: one suite for all,
// each seeding records whose first search field holds the text.
describe.each([
	['companies', 'canonicalName'],
	['deals', 'name'],
	['people', 'firstName'],
	['activities', 'subject'],
	['documents', 'title'],
])('POST /v1/%s/search', (resource, field) => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	const seedNamed = (texts) =>
		simulator.seed(
			resource,
			texts.map((text) => ({ [field]: text })),
		);

	test('answers {data, metadata} with the stored records, default page 1 and limit 20', async () => {
		const [, orion] = seedNamed(['Vega holdings', 'Orion fund report', 'Lyra']);
		const response = await search(simulator, resource, { query: 'orion' });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			data: [orion],
			metadata: { page: 1, limit: 20, totalCount: 1, totalPages: 1 },
		});
		expect(simulator.log.at(-1)).toMatchObject({
			method: 'POST',
			path: `/v1/${resource}/search`,
			status: 200,
			outcome: 'ok',
			createdId: null,
		});
	});

	test('nothing found: empty data, zero totals', async () => {
		seedNamed(['Vega holdings']);
		const response = await search(simulator, resource, { query: 'zeppelin' });
		expect([response.status, response.body]).toEqual([
			200,
			{ data: [], metadata: { page: 1, limit: 20, totalCount: 0, totalPages: 0 } },
		]);
	});

	test('a limit over the cap (20) gets pages of 20; totalPages says more remain', async () => {
		const stored = seedNamed(Array.from({ length: 45 }, (_, index) => `Orion report ${index}`));
		const newestFirst = [...stored].reverse();
		const pages = [];
		for (const page of [1, 2, 3]) {
			pages.push((await search(simulator, resource, { query: 'orion', page, limit: 50 })).body);
		}
		expect(pages).toEqual([
			{
				data: newestFirst.slice(0, 20),
				metadata: { page: 1, limit: 20, totalCount: 45, totalPages: 3 },
			},
			{
				data: newestFirst.slice(20, 40),
				metadata: { page: 2, limit: 20, totalCount: 45, totalPages: 3 },
			},
			{
				data: newestFirst.slice(40),
				metadata: { page: 3, limit: 20, totalCount: 45, totalPages: 3 },
			},
		]);
		// Any limit is accepted (no maximum on these searches); a small one is kept as asked.
		const huge = await search(simulator, resource, { query: 'orion', limit: 5000 });
		expect(huge.body.metadata).toEqual({ page: 1, limit: 20, totalCount: 45, totalPages: 3 });
		const small = await search(simulator, resource, { query: 'orion', page: 9, limit: 5 });
		expect(small.body).toEqual({
			data: newestFirst.slice(40),
			metadata: { page: 9, limit: 5, totalCount: 45, totalPages: 9 },
		});
	});

	test.each([
		['a missing query', { body: {} }],
		['an empty query', { body: { query: '' } }],
		['a whitespace-only query', { body: { query: ' \t ' } }],
		['a numeric query', { body: { query: 5 } }],
		['a null query', { body: { query: null } }],
		['page 0', { body: { query: 'a', page: 0 } }],
		['a fractional page', { body: { query: 'a', page: 1.5 } }],
		['a string page', { body: { query: 'a', page: '1' } }],
		['limit 0', { body: { query: 'a', limit: 0 } }],
		['a negative limit', { body: { query: 'a', limit: -5 } }],
		['a string limit', { body: { query: 'a', limit: '5' } }],
		['an unknown field', { body: { query: 'a', filters: {} } }],
		['a JSON array', { body: [{ query: 'a' }] }],
		['invalid JSON', { rawBody: '{"query":' }],
		['an empty body', { rawBody: '' }],
		['a text/plain body', { rawBody: '{"query":"a"}', contentType: 'text/plain' }],
	])('answers 400 for %s', async (_label, request) => {
		const response = await call(simulator, 'POST', `/v1/${resource}/search`, request);
		expect([response.status, response.body]).toEqual([400, INVALID_BODY]);
		expect(simulator.log.at(-1)).toMatchObject({ status: 400, outcome: 'invalid_body' });
	});
});

describe('validation reasons in the request log', () => {
	test('name the broken rule', () =>
		withSimulator({}, async (simulator) => {
			await search(simulator, 'deals', { query: 'a', limit: 0 });
			await search(simulator, 'people', { query: 'a', sort: 'name' });
			await search(simulator, 'documents', {});
			expect(simulator.log.map((entry) => entry.invalid)).toEqual([
				'limit: must be at least 1',
				'unknown field "sort"',
				'missing field "query"',
			]);
		}));
});

describe('ranking', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('companies: equal > prefix > whole word > substring, over every search field', async () => {
		// Stored best first, so that newest-first alone would give the opposite order.
		const [exact, prefix, website, wholeWord, substring, alternative] = simulator.seed(
			'companies',
			[
				{ canonicalName: 'robotics' },
				{ canonicalName: 'Robotics Partners' },
				{ canonicalName: 'Delta', website: 'https://robotics.example' },
				{ canonicalName: 'Beta', sector: 'Industrial robotics' },
				{ canonicalName: 'Acme', description: 'Makes nanorobotics kits' },
				{ canonicalName: 'Gamma', alternativeNames: ['Old name', 'ROBOTICS'] },
			],
		);
		simulator.seed('companies', { canonicalName: 'Unrelated', industry: 'Food' });
		const response = await search(simulator, 'companies', { query: 'Robotics' });
		// alternative and exact both equal the query, website and wholeWord both hold it as a whole
		// word ("//" and "." around it): ties, newest id first.
		expect(response.body.data).toEqual([alternative, exact, prefix, wholeWord, website, substring]);
		expect(response.body.metadata.totalCount).toBe(6);
	});

	test('companies: shortDescription and industry are searched too', async () => {
		const [short, industry] = simulator.seed('companies', [
			{ canonicalName: 'One', shortDescription: 'Fintech for farmers' },
			{ canonicalName: 'Two', industry: 'Fintech' },
		]);
		const response = await search(simulator, 'companies', { query: 'fintech' });
		expect(response.body.data).toEqual([industry, short]);
	});

	test('people: words found first, then the whole query, then the sum of the words', async () => {
		const [lovelace, ada, email, title, fan, byron] = simulator.seed('people', [
			{ firstName: 'Ada', lastName: 'Lovelace' },
			{ firstName: 'Adam', lastName: 'Lovelaceson' },
			{ firstName: 'Augusta', email: 'ada.lovelace@example.com' },
			{
				firstName: 'Charles',
				currentTitle: 'Senior Ada programmer',
				currentCompanyName: 'The Lovelace Labs',
			},
			{ firstName: 'Dora', currentTitle: 'Fan of Ada Lovelace' },
			{ firstName: 'Ada', lastName: 'Byron' },
		]);
		simulator.seed('people', { firstName: 'Grace', lastName: 'Hopper' });
		const response = await search(simulator, 'people', { query: 'Ada Lovelace' });
		// All but byron hold both words. lovelace: the full name equals the query; fan: a title
		// holds it as a whole word; then by the sum of each word's best match (equal 4, prefix 3,
		// whole word 2, substring 1): ada 3 + 3, email 3 + 2, title 2 + 2. byron holds one word.
		expect(response.body.data).toEqual([lovelace, fan, ada, email, title, byron]);
	});

	test('deals: name, sector, industry, notes', async () => {
		const [notes, name, sector, industry] = simulator.seed('deals', [
			{ name: 'Falcon', notes: 'Series B, led by Orion' },
			{ name: 'Orion' },
			{ name: 'Gannet', sector: 'Orion space' },
			{ name: 'Heron', industry: 'Aerospace (Orion)' },
			{ name: 'Ibis', stage: 'SOURCED' },
		]);
		const response = await search(simulator, 'deals', { query: 'orion' });
		expect(response.body.data).toEqual([name, sector, industry, notes]);
	});

	test('activities: subject and type', async () => {
		const [meeting, call2, intro] = simulator.seed('activities', [
			{ subject: 'Quarterly review', type: 'Meeting' },
			{ subject: 'Meeting prep call', type: 'Call' },
			{ subject: 'Intro', type: 'meeting' },
		]);
		const response = await search(simulator, 'activities', { query: 'MEETING' });
		expect(response.body.data).toEqual([intro, meeting, call2]);
	});

	test('documents: by how many distinct query words of 3+ characters the title or text hold', async () => {
		const [three, two, one, partial] = simulator.seed('documents', [
			{ title: 'Churn analysis', text: 'Revenue and churn by cohort, with a board summary.' },
			{ title: 'Q3 board memo', text: 'Revenue grew; costs were flat.' },
			{ title: 'Hiring plan', text: 'Board approved two hires.' },
			{ title: 'Churned accounts', text: 'A list of revenues.' },
		]);
		const response = await search(simulator, 'documents', {
			query: 'Board revenue CHURN churn of a Q3',
		});
		// "of", "a" and "q3" are under 3 characters and do not count; "churned" is not "churn".
		expect(response.body.data).toEqual([three, two, one]);
		expect(response.body.data).not.toContainEqual(partial);

		const short = await search(simulator, 'documents', { query: 'Q3 of' });
		expect(short.body).toEqual({
			data: [],
			metadata: { page: 1, limit: 20, totalCount: 0, totalPages: 0 },
		});
	});

	test('documents are answered as seeded: {id, title, text, createdAt, updatedAt}', async () => {
		const document = simulator.seed('documents', {
			title: 'IC memo',
			text: 'Investment committee memo for Falcon.',
			createdAt: '2026-01-05T09:00:00.000Z',
		});
		expect(Object.keys(document)).toEqual(['id', 'title', 'text', 'createdAt', 'updatedAt']);
		const response = await search(simulator, 'documents', { query: 'falcon memo' });
		expect(response.body.data).toEqual([document]);
		expect(document.updatedAt).toBe('2026-01-05T09:00:00.000Z');
	});

	test('ties are newest id first, whatever the order records were stored in', async () => {
		const [middle, oldest, newest] = simulator.seed('deals', [
			{ id: simulator.objectId('2026-02-01T00:00:00Z'), name: 'Orion B' },
			{ id: simulator.objectId('2026-01-01T00:00:00Z'), name: 'Orion A' },
			{ id: simulator.objectId('2026-03-01T00:00:00Z'), name: 'Orion C' },
		]);
		const response = await search(simulator, 'deals', { query: 'orion' });
		expect(response.body.data).toEqual([newest, middle, oldest]);
	});

	test('fields that are not strings are ignored', async () => {
		simulator.seed('companies', [
			{ canonicalName: 42, alternativeNames: [7, null] },
			{ canonicalName: null, sector: { name: 'Orion' } },
		]);
		const response = await search(simulator, 'companies', { query: '42' });
		expect(response.body.data).toEqual([]);
	});
});

describe('searchStarMatchesAll', () => {
	test('"*" matches every record of every search, newest first; literal otherwise', async () => {
		await withSimulator({ searchStarMatchesAll: true }, async (simulator) => {
			const [first, second] = simulator.seed('documents', [
				{ title: 'One', text: 'x' },
				{ title: 'Two', text: 'y' },
			]);
			const [deal] = simulator.seed('deals', [{ name: 'Falcon' }]);
			expect((await search(simulator, 'documents', { query: ' * ' })).body.data).toEqual([
				second,
				first,
			]);
			expect((await search(simulator, 'deals', { query: '*' })).body.data).toEqual([deal]);
		});
		await withSimulator({}, async (simulator) => {
			const [, star] = simulator.seed('deals', [{ name: 'Falcon' }, { name: 'Rated * 5' }]);
			expect((await search(simulator, 'deals', { query: '*' })).body.data).toEqual([star]);
			simulator.seed('documents', { title: 'One', text: 'x' });
			expect((await search(simulator, 'documents', { query: '*' })).body.data).toEqual([]);
		});
	});
});

describe('searches go through the gates', () => {
	test('401 without credentials', () =>
		withSimulator({}, async (simulator) => {
			const response = await call(simulator, 'POST', '/v1/people/search', {
				body: { query: 'Ada' },
				auth: false,
			});
			expect([response.status, response.body]).toEqual([
				401,
				{ error: 'invalid api key or clientId' },
			]);
			expect(simulator.log.at(-1).outcome).toBe('unauthorized');
		}));

	test('faultRoutes names a search', () =>
		withSimulator({ failRate: 1, faultRoutes: ['searchCompanies'] }, async (simulator) => {
			simulator.seed('companies', { canonicalName: 'Acme' });
			const failed = await search(simulator, 'companies', { query: 'acme' });
			expect([failed.status, failed.body]).toEqual([500, { error: 'Internal server error' }]);
			expect(simulator.log.at(-1)).toMatchObject({ outcome: 'failed', status: 500 });
			const other = await search(simulator, 'deals', { query: 'acme' });
			expect(other.status).toBe(200);
		}));

	test('searchPageCap set through the option caps these searches too', () =>
		withSimulator({ searchPageCap: 2 }, async (simulator) => {
			simulator.seed(
				'people',
				Array.from({ length: 5 }, (_, index) => ({ firstName: `Ada ${index}` })),
			);
			const response = await search(simulator, 'people', { query: 'ada', page: 3 });
			expect(response.body.metadata).toEqual({ page: 3, limit: 2, totalCount: 5, totalPages: 3 });
			expect(names(response, 'firstName')).toEqual(['Ada 0']);
		}));
});
