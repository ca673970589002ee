'use strict';

const { startTestSimulator, call } = require('./helpers');

const INVALID_QUERY = { error: 'Invalid query parameters' };
const DAY = 24 * 60 * 60 * 1000;

// GET /v1/deals and GET /v1/companies page the same way (Metal's pagination guide uses companies as
// its example, the deals reference documents the parameters): one suite for both.
describe.each([
	['deals', '/v1/deals'],
	['companies', '/v1/companies'],
])('GET list of %s', (resource, path) => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	/** Seeds `count` records, each a day older than the one before (ids by creation time). */
	function seedDays(count) {
		const start = Date.parse('2026-01-01T00:00:00Z');
		return simulator.seed(
			resource,
			Array.from({ length: count }, (_, index) => ({
				id: simulator.objectId(start + index * DAY),
				name: `Record ${index}`,
			})),
		);
	}

	const list = (qs = '') => call(simulator, 'GET', `${path}${qs}`);
	const ids = (response) => response.body.data.map((record) => record.id);

	test('answers {data} only, newest first by id, whatever the order records were stored in', async () => {
		const [middle, oldest, newest] = simulator.seed(resource, [
			{ id: simulator.objectId('2026-02-01T00:00:00Z'), name: 'Middle' },
			{ id: simulator.objectId('2026-01-01T00:00:00Z'), name: 'Oldest' },
			{ id: simulator.objectId('2026-03-01T00:00:00Z'), name: 'Newest' },
		]);
		const response = await list();
		expect(response.status).toBe(200);
		expect(Object.keys(response.body)).toEqual(['data']);
		expect(response.body.data).toEqual([newest, middle, oldest]);
	});

	test('limit defaults to 100', async () => {
		const stored = seedDays(101);
		const response = await list();
		expect(ids(response)).toEqual(
			stored
				.map((record) => record.id)
				.reverse()
				.slice(0, 100),
		);
	});

	test('the lt cursor walks every record, stable while new ones are added', async () => {
		const stored = seedDays(5).map((record) => record.id);
		const newestFirst = [...stored].reverse();
		const first = await list('?limit=2');
		expect(ids(first)).toEqual(newestFirst.slice(0, 2));
		// A record added between two pages is newer than the cursor: it does not shift the pages.
		simulator.seed(resource, { name: 'Late arrival' });
		const second = await list(`?limit=2&lt=${ids(first).at(-1)}`);
		expect(ids(second)).toEqual(newestFirst.slice(2, 4));
		const third = await list(`?limit=2&lt=${ids(second).at(-1).toUpperCase()}`);
		expect(ids(third)).toEqual(newestFirst.slice(4));
		const past = await list(`?limit=2&lt=${ids(third)[0]}`);
		expect(past.body).toEqual({ data: [] });
	});

	test('direction asc gives oldest first; page and limit give offsets', async () => {
		const stored = seedDays(5).map((record) => record.id);
		expect(ids(await list('?direction=asc'))).toEqual(stored);
		expect(ids(await list('?direction=asc&limit=2&page=2'))).toEqual(stored.slice(2, 4));
		expect(ids(await list('?direction=desc&limit=2&page=3'))).toEqual([stored[0]]);
		expect(ids(await list('?limit=2&page=4'))).toEqual([]);
		// lt still means "below this id" when reading oldest first.
		expect(ids(await list(`?direction=asc&lt=${stored[3]}`))).toEqual(stored.slice(0, 3));
	});

	test('accepts the documented bounds and sort names', async () => {
		seedDays(3);
		for (const qs of ['?page=1', '?page=100', '?limit=1', '?limit=1000', '?sort=id', '?sort=_id']) {
			expect([qs, (await list(qs)).status]).toEqual([qs, 200]);
		}
	});

	test.each([
		['page 0', '?page=0'],
		['page 101', '?page=101'],
		['a fractional page', '?page=1.5'],
		['a negative page', '?page=-1'],
		['limit 0', '?limit=0'],
		['limit 1001', '?limit=1001'],
		['an empty limit', '?limit='],
		['a word as limit', '?limit=ten'],
		['a padded limit', '?limit=%205'],
		['a malformed cursor', '?lt=123'],
		['an empty cursor', '?lt='],
		['direction in upper case', '?direction=DESC'],
		['an unknown direction', '?direction=newest'],
		['a sort the simulator does not serve', '?sort=name'],
		['an unknown parameter', '?stage=SOURCED'],
		['a repeated parameter', '?limit=5&limit=6'],
	])('answers 400 for %s', async (_label, qs) => {
		const response = await list(qs);
		expect([response.status, response.body]).toEqual([400, INVALID_QUERY]);
		expect(simulator.log.at(-1)).toMatchObject({
			outcome: 'invalid_query',
			invalid: expect.any(String),
		});
	});
});

describe('list records', () => {
	test('deals carry no timestamps; companies carry createdAt and updatedAt', async () => {
		const simulator = await startTestSimulator();
		try {
			simulator.seed('deals', { name: 'Project Falcon', stage: 'SOURCED', status: 'ACTIVE' });
			simulator.seed('companies', { canonicalName: 'Acme' });
			const [deal] = (await call(simulator, 'GET', '/v1/deals')).body.data;
			const [company] = (await call(simulator, 'GET', '/v1/companies')).body.data;
			expect(Object.keys(deal)).toEqual(['id', 'name', 'stage', 'status']);
			expect(Object.keys(company)).toEqual(['id', 'canonicalName', 'createdAt', 'updatedAt']);
		} finally {
			await simulator.close();
		}
	});
});
