'use strict';

const { startTestSimulator, call, createWorkspace, searchWorkspaces } = require('./helpers');

const INVALID_BODY = { error: 'Invalid request body' };

async function createAll(simulator, bodies) {
	const created = [];
	for (const body of bodies) created.push((await createWorkspace(simulator, body)).body.data);
	return created;
}

describe('POST /v1/workspaces/search', () => {
	let simulator;

	beforeAll(async () => {
		simulator = await startTestSimulator();
	});
	afterAll(() => simulator.close());
	beforeEach(() => simulator.reset());

	test('matches name or company case-insensitively, newest first, default page 1 limit 20', async () => {
		const [atlasDeal, , acmeRoom, atlasCompany] = await createAll(simulator, [
			{ name: 'Atlas deal' },
			{ name: 'Unrelated' },
			{ name: 'Room', company: 'ACME' },
			{ name: 'Portfolio', company: 'Atlas Capital' },
		]);

		const atlas = await searchWorkspaces(simulator, { query: 'aTLAs' });
		expect(atlas.status).toBe(200);
		expect(atlas.body).toEqual({
			data: [atlasCompany, atlasDeal],
			metadata: { page: 1, limit: 20, totalCount: 2, totalPages: 1 },
		});

		const acme = await searchWorkspaces(simulator, { query: 'acm' });
		expect(acme.body.data).toEqual([acmeRoom]);
	});

	test('pages through results with exact metadata', async () => {
		const created = await createAll(
			simulator,
			Array.from({ length: 25 }, (_, index) => ({ name: `Fund ${index + 1}` })),
		);
		const newestFirst = [...created].reverse();

		const pages = [];
		for (const page of [1, 2, 3, 4]) {
			pages.push(await searchWorkspaces(simulator, { query: 'fund', page, limit: 10 }));
		}
		expect(pages.map((response) => response.status)).toEqual([200, 200, 200, 200]);
		expect(pages[0].body).toEqual({
			data: newestFirst.slice(0, 10),
			metadata: { page: 1, limit: 10, totalCount: 25, totalPages: 3 },
		});
		expect(pages[1].body.data).toEqual(newestFirst.slice(10, 20));
		expect(pages[2].body).toEqual({
			data: newestFirst.slice(20),
			metadata: { page: 3, limit: 10, totalCount: 25, totalPages: 3 },
		});
		// Past the last page: empty data, metadata still describes the whole result.
		expect(pages[3].body).toEqual({
			data: [],
			metadata: { page: 4, limit: 10, totalCount: 25, totalPages: 3 },
		});

		// A limit over searchPageCap (default 20) gets pages of 20, and totalPages says so.
		const capped = await searchWorkspaces(simulator, { query: 'fund', limit: 100 });
		expect(capped.body).toEqual({
			data: newestFirst.slice(0, 20),
			metadata: { page: 1, limit: 20, totalCount: 25, totalPages: 2 },
		});
	});

	test('searchPageCap caps every page: offsets and totalPages follow the capped limit', async () => {
		const capSimulator = await startTestSimulator({ searchPageCap: 3 });
		try {
			const created = await createAll(
				capSimulator,
				Array.from({ length: 7 }, (_, index) => ({ name: `Fund ${index + 1}` })),
			);
			const newestFirst = [...created].reverse();
			const pages = [];
			for (const page of [1, 2, 3, 4]) {
				pages.push((await searchWorkspaces(capSimulator, { query: 'fund', page, limit: 50 })).body);
			}
			expect(pages).toEqual([
				{
					data: newestFirst.slice(0, 3),
					metadata: { page: 1, limit: 3, totalCount: 7, totalPages: 3 },
				},
				{
					data: newestFirst.slice(3, 6),
					metadata: { page: 2, limit: 3, totalCount: 7, totalPages: 3 },
				},
				{
					data: newestFirst.slice(6),
					metadata: { page: 3, limit: 3, totalCount: 7, totalPages: 3 },
				},
				{ data: [], metadata: { page: 4, limit: 3, totalCount: 7, totalPages: 3 } },
			]);
			// A limit under the cap is kept as asked.
			const small = await searchWorkspaces(capSimulator, { query: 'fund', limit: 2 });
			expect(small.body.metadata).toEqual({ page: 1, limit: 2, totalCount: 7, totalPages: 4 });
		} finally {
			await capSimulator.close();
		}

		const wideSimulator = await startTestSimulator({ searchPageCap: 100 });
		try {
			const created = await createAll(
				wideSimulator,
				Array.from({ length: 25 }, (_, index) => ({ name: `Fund ${index + 1}` })),
			);
			const all = await searchWorkspaces(wideSimulator, { query: 'fund', limit: 100 });
			expect(all.body).toEqual({
				data: [...created].reverse(),
				metadata: { page: 1, limit: 100, totalCount: 25, totalPages: 1 },
			});
		} finally {
			await wideSimulator.close();
		}
	});

	test('ranks an exact name above a prefix, a whole word and a substring; words found count first', async () => {
		// Created best first, so that newest-first alone would give the opposite order.
		const [exact, prefix, wholeWord, substring, bothWords, other] = await createAll(simulator, [
			{ name: 'Atlas' },
			{ name: 'Atlas deal' },
			{ name: 'Room', company: 'The Atlas fund' },
			{ name: 'Hyperatlas' },
			{ name: 'Deal room', company: 'Atlas' },
			{ name: 'Borealis' },
		]);
		const single = await searchWorkspaces(simulator, { query: 'ATLAS' });
		// exact and bothWords both hold "atlas" exactly: a tie, newest first.
		expect(single.body.data).toEqual([bothWords, exact, prefix, wholeWord, substring]);

		// "atlas room": two workspaces hold both words (a tie, newest first), then the others by how
		// well "atlas" matches; Borealis holds neither word.
		const twoWords = await searchWorkspaces(simulator, { query: '  atlas   room ' });
		expect(twoWords.body.data.map((workspace) => workspace.name)).toEqual([
			'Deal room',
			'Room',
			'Atlas',
			'Atlas deal',
			'Hyperatlas',
		]);
		expect(twoWords.body.data).not.toContainEqual(other);
	});

	test('answers an empty result when nothing matches', async () => {
		await createAll(simulator, [{ name: 'Atlas' }]);
		const response = await searchWorkspaces(simulator, { query: 'zeppelin' });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			data: [],
			metadata: { page: 1, limit: 20, totalCount: 0, totalPages: 0 },
		});
	});

	test('treats "*" literally unless searchStarMatchesAll is on', async () => {
		await createAll(simulator, [{ name: 'Atlas' }, { name: 'Star * room' }]);
		const literal = await searchWorkspaces(simulator, { query: '*' });
		expect(literal.body.data.map((workspace) => workspace.name)).toEqual(['Star * room']);

		const starSimulator = await startTestSimulator({ searchStarMatchesAll: true });
		try {
			await createAll(starSimulator, [{ name: 'Atlas' }, { name: 'Borealis' }]);
			const everything = await searchWorkspaces(starSimulator, { query: '*' });
			expect(everything.body.data.map((workspace) => workspace.name)).toEqual([
				'Borealis',
				'Atlas',
			]);
			expect(everything.body.metadata.totalCount).toBe(2);
		} finally {
			await starSimulator.close();
		}
	});

	test.each([
		['a missing query', { body: {} }],
		['an empty query', { body: { query: '' } }],
		['a whitespace-only query', { body: { query: '   ' } }],
		['a numeric query', { body: { query: 5 } }],
		['page 0', { body: { query: 'a', page: 0 } }],
		['a fractional page', { body: { query: 'a', page: 1.5 } }],
		['a string page', { body: { query: 'a', page: '1' } }],
		['limit 0', { body: { query: 'a', limit: 0 } }],
		['limit 101', { body: { query: 'a', limit: 101 } }],
		['a string limit', { body: { query: 'a', limit: '5' } }],
		['an unknown field', { body: { query: 'a', sort: 'name' } }],
		['a JSON array', { body: [{ query: 'a' }] }],
		['invalid JSON', { rawBody: '{"query":' }],
		['an empty body', { rawBody: '' }],
	])('answers 400 for %s', async (_label, request) => {
		const response = await call(simulator, 'POST', '/v1/workspaces/search', request);
		expect(response.status).toBe(400);
		expect(response.body).toEqual(INVALID_BODY);
	});
});
