import { interceptMetal } from '../../../../helpers/metalNock';
import { runProbe } from '../../../../helpers/probe';

const things = (count: number, from = 0) =>
	Array.from({ length: count }, (_, n) => ({ id: `t${String(from + n).padStart(6, '0')}` }));
const ids = (list: Array<{ id: string }>) => list.map((t) => t.id);

/** A search endpoint over `total` things, answering with `answer(page, limit, all)`. */
function search(
	total: number,
	answer: (page: number, limit: number, all: Array<{ id: string }>) => unknown = (
		page,
		limit,
		all,
	) => ({
		data: all.slice((page - 1) * limit, page * limit),
		metadata: { page, limit, totalCount: total, totalPages: Math.ceil(total / limit) },
	}),
) {
	const all = things(total);
	return interceptMetal({
		path: '/v1/things/search',
		times: 2000,
		reply: (body) => {
			const { page, limit } = body as { page: number; limit: number };
			return [200, answer(page, limit, all)];
		},
	});
}

const searchAll = { query: 'x', returnAll: true };

describe('search paging', () => {
	it('Return All reads every page of 50, and stops on the last one by totalPages', async () => {
		const requests = search(120);

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests.map((r) => r.body)).toEqual(
			[1, 2, 3].map((page) => ({ query: 'x', page, limit: 50 })),
		);
		expect(output?.map((item) => item.json.id)).toEqual(ids(things(120)));
	});

	it('a Limit smaller than a page asks for just that many; a larger one stops when it has enough', async () => {
		const requests = search(500);

		const small = await runProbe('search', { parameters: { query: 'x', limit: 7 } });
		const large = await runProbe('search', { parameters: { query: 'x', limit: 120 } });

		expect(requests.map((r) => r.body)).toEqual([
			{ query: 'x', page: 1, limit: 7 },
			...[1, 2, 3].map((page) => ({ query: 'x', page, limit: 50 })),
		]);
		expect(small.output).toHaveLength(7);
		expect(large.output?.map((item) => item.json.id)).toEqual(ids(things(120)));
	});

	it('a server that ignores the page: stops at the second page, which brings nothing new', async () => {
		const requests = search(1000, (_, limit, all) => ({
			data: all.slice(0, limit),
			metadata: { totalPages: 1000 },
		}));

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests).toHaveLength(2);
		expect(output?.map((item) => item.json.id)).toEqual(ids(things(50)));
	});

	it('results that share an id but differ (passages of one document) are all kept; the same result read again is not', async () => {
		const passages = [
			{ id: 'doc-1', text: 'Revenue grew 20%' },
			{ id: 'doc-1', text: 'Margins held at 35%' },
			{ id: 'doc-2', text: 'A new plant in 2026' },
		];
		const requests = search(0, (page) => ({
			// The second page repeats the last passage of the first, as a reordering server would.
			data: page === 1 ? passages.slice(0, 2) : passages.slice(1),
			metadata: { totalPages: 2 },
		}));

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests).toHaveLength(2);
		expect(output?.map((item) => item.json)).toEqual(passages);
	});

	it('a server that reorders results: no result twice', async () => {
		// Each page overlaps the one before by half.
		const requests = search(100, (page, limit, all) => ({
			data: all.slice((page - 1) * 25, (page - 1) * 25 + limit),
			metadata: { totalPages: 3 },
		}));

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests).toHaveLength(3);
		const found = output?.map((item) => item.json.id as string) ?? [];
		expect(new Set(found).size).toBe(found.length);
		expect(found).toEqual(ids(things(100)));
	});

	it('a server that caps its pages below the limit asked for: paging goes on while totalPages says more remain', async () => {
		// Pages of 20 whatever the limit, as Metal may serve them; totalPages counts pages of 20.
		const requests = search(65, (page, _, all) => ({
			data: all.slice((page - 1) * 20, page * 20),
			metadata: { page, limit: 20, totalCount: 65, totalPages: 4 },
		}));

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests.map((r) => r.body)).toEqual(
			[1, 2, 3, 4].map((page) => ({ query: 'x', page, limit: 50 })),
		);
		expect(output?.map((item) => item.json.id)).toEqual(ids(things(65)));
	});

	it('a capped server that sends only totalCount: the pages are counted by the size it served', async () => {
		const requests = search(65, (page, _, all) => ({
			data: all.slice((page - 1) * 20, page * 20),
			metadata: { page, limit: 20, totalCount: 65 },
		}));

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests).toHaveLength(4);
		expect(output).toHaveLength(65);
	});

	it('a server that lies about totalPages: stops at the empty page after the last results', async () => {
		const requests = search(60, (page, limit, all) => ({
			data: all.slice((page - 1) * limit, page * limit),
			metadata: { totalPages: 40 },
		}));

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests).toHaveLength(3);
		expect(output).toHaveLength(60);
	});

	it('without totalPages or totalCount, a short page is the last', async () => {
		const requests = search(60, (page, limit, all) => ({
			data: all.slice((page - 1) * limit, page * limit),
		}));

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests).toHaveLength(2);
		expect(output).toHaveLength(60);
	});

	it('without totalPages, totalCount caps the pages', async () => {
		// Full pages forever, but totalCount says 100: two pages.
		const requests = search(100000, (page, limit) => ({
			data: things(limit, (page - 1) * limit),
			metadata: { totalCount: 100 },
		}));

		const { output } = await runProbe('search', { parameters: searchAll });

		expect(requests).toHaveLength(2);
		expect(output).toHaveLength(100);
	});

	it('a server that invents new results without end: a hard maximum, with a clear error', async () => {
		search(10_000_000, (page, limit) => ({
			data: things(limit, (page - 1) * limit),
			metadata: {},
		}));

		const { output, error } = await runProbe('search', { parameters: searchAll });

		expect(output).toBeUndefined();
		expect(error?.message).toBe('Return All stopped after 1,000 pages');
		expect(error?.description?.split('\n')[0]).toBe(
			'The node reads at most this much for one item, so that a run cannot go on without end. Turn off Return All and set a Limit, or narrow what the item asks for.',
		);
	}, 60_000);
});

describe('list paging (newest first, with the lt cursor)', () => {
	/** A list endpoint over `total` things, newest (highest id) first, paging with `lt`. */
	function list(total: number, { ignoreCursor = false } = {}) {
		const all = things(total).reverse();
		return interceptMetal({
			method: 'get',
			path: /^\/v1\/things\?/,
			times: 1000,
			reply: (_, __, path) => {
				const query = new URL(path, 'http://metal').searchParams;
				const lt = query.get('lt');
				const from = lt && !ignoreCursor ? all.filter((t) => t.id < lt) : all;
				return [200, { data: from.slice(0, Number(query.get('limit'))) }];
			},
		});
	}

	it('Return All follows the cursor through every page of 1,000', async () => {
		const requests = list(2500);

		const { output } = await runProbe('getAll', { parameters: { returnAll: true } });

		expect(requests.map((r) => r.path)).toEqual([
			'/v1/things?limit=1000',
			'/v1/things?limit=1000&lt=t001500',
			'/v1/things?limit=1000&lt=t000500',
		]);
		expect(output).toHaveLength(2500);
		expect(output?.[0].json.id).toBe('t002499');
	});

	it('a Limit asks for just that many', async () => {
		const requests = list(2500);

		const { output } = await runProbe('getAll', { parameters: { limit: 30 } });

		expect(requests.map((r) => r.path)).toEqual(['/v1/things?limit=30']);
		expect(output).toHaveLength(30);
	});

	it('a list longer than the hard maximum: a clear error rather than all of it in memory', async () => {
		list(60_000);

		const { output, error } = await runProbe('getAll', { parameters: { returnAll: true } });

		expect(output).toBeUndefined();
		expect(error?.message).toBe('Return All stopped after 50,000 results');
	});

	it('a server that ignores the cursor: stops at the second page', async () => {
		const requests = list(5000, { ignoreCursor: true });

		const { output } = await runProbe('getAll', { parameters: { returnAll: true } });

		expect(requests).toHaveLength(2);
		expect(output).toHaveLength(1000);
	});
});
