import type { IDataObject } from 'n8n-workflow';

import { interceptMetal } from './metalNock';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from './runMetalNode';

/** `count` search results, numbered from `from`, as Metal ranks them. */
export const results = (count: number, from = 0): IDataObject[] =>
	Array.from({ length: count }, (_, n) => ({ id: `r${from + n}`, name: `Atlas ${from + n}` }));

/**
 * Metal's search at `path` over `total` results, in its envelope `{ data, metadata }`. Each page
 * holds at most `cap` results whatever `limit` asks (Metal may serve fewer than asked), and
 * `totalPages` counts the pages it serves. Records every request.
 */
export function serveSearch(path: string, total: number, { cap = Infinity } = {}) {
	const all = results(total);
	return interceptMetal({
		path,
		times: 100,
		reply: (body) => {
			const { page, limit } = body as { page: number; limit: number };
			const served = Math.min(limit, cap);
			const data = all.slice((page - 1) * served, page * served);
			const metadata = {
				page,
				limit: served,
				totalCount: total,
				totalPages: Math.ceil(total / served),
			};
			return [200, { data, metadata }];
		},
	});
}

const paired = (records: IDataObject[], item = 0) =>
	records.map((json) => ({ json, pairedItem: { item } }));

/**
 * The Search operation of one resource (`POST <path>/search`, body `{ query, page, limit }`): the
 * request, paging, Limit, pairing, and its errors.
 */
export function describeSearch(name: string, resource: string, path: string) {
	const at = `${path}/search`;
	const run = (parameters: IDataObject, items?: IDataObject[]) =>
		runMetalNode({
			items,
			parameters: { resource, operation: 'search', query: 'atlas', ...parameters },
		});

	describe(`${name} → Search`, () => {
		it(`POST ${at} with { query, page, limit }: one output item per result, paired`, async () => {
			const requests = serveSearch(at, 3);

			const { output, error } = await run({ limit: 10 });

			expect(error).toBeUndefined();
			expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
				['POST', at, { query: 'atlas', page: 1, limit: 10 }],
			]);
			expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
			expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
			expect(requests[0].headers['content-type']).toMatch(/^application\/json/);
			expect(output).toEqual(paired(results(3)));
		});

		it('Return All pages on while totalPages says more remain, though Metal serves 20 of the 50 asked', async () => {
			const requests = serveSearch(at, 45, { cap: 20 });

			const { output } = await run({ returnAll: true });

			expect(requests.map((r) => r.body)).toEqual(
				[1, 2, 3].map((page) => ({ query: 'atlas', page, limit: 50 })),
			);
			expect(output).toEqual(paired(results(45)));
		});

		it('a Limit counts results across short pages, and stops as soon as it has enough', async () => {
			const requests = serveSearch(at, 100, { cap: 20 });

			const { output } = await run({ limit: 30 });

			expect(requests.map((r) => r.body)).toEqual([
				{ query: 'atlas', page: 1, limit: 30 },
				{ query: 'atlas', page: 2, limit: 30 },
			]);
			expect(output).toEqual(paired(results(30)));
		});

		it("several items: each item's results are paired with it, in item order", async () => {
			const requests = interceptMetal({
				path: at,
				times: 2,
				reply: (body) => {
					const { query } = body as { query: string };
					const data = [{ id: `${query}-1` }, { id: `${query}-2` }];
					return [200, { data, metadata: { totalPages: 1 } }];
				},
			});

			const { output } = await run({ query: '={{ $json.q }}' }, [
				{ q: 'atlas' },
				{ q: 'borealis' },
			]);

			expect(requests).toHaveLength(2);
			expect(requests.map((r) => r.body)).toEqual(
				expect.arrayContaining([
					{ query: 'atlas', page: 1, limit: 50 },
					{ query: 'borealis', page: 1, limit: 50 },
				]),
			);
			expect(output).toEqual([
				...paired([{ id: 'atlas-1' }, { id: 'atlas-2' }], 0),
				...paired([{ id: 'borealis-1' }, { id: 'borealis-2' }], 1),
			]);
		});

		it('no match: no output items, no error', async () => {
			const requests = serveSearch(at, 0);

			const { output, error } = await run({});

			expect(requests).toHaveLength(1);
			expect(error).toBeUndefined();
			expect(output).toEqual([]);
		});

		it('a blank query is refused before anything is sent', async () => {
			const requests = serveSearch(at, 3);

			const { error } = await run({ query: '={{ " \\u200b " }}' });

			expect(error?.message).toBe('The "Query" parameter is empty in item 0');
			expect(requests).toHaveLength(0);
		});

		it('404: the search endpoint is missing, said with where to look', async () => {
			interceptMetal({ path: at, reply: () => [404, { error: 'Cannot POST' }] });

			const { error } = await run({});

			expect(error?.message).toBe('Metal could not find it: Cannot POST');
			expect(error?.description?.split('\n')[0]).toBe(
				`Check the Base URL in the Metal API credential (https://api.metal.ai, or a proxy that forwards ${at} to it), and that the records this item names belong to the organization of the API key.`,
			);
		});

		it('an answer whose data is not a list: an error quoting what Metal sent', async () => {
			interceptMetal({ path: at, reply: () => [200, { data: { id: 'r0', name: 'Atlas' } }] });

			const { output, error } = await run({});

			expect(output).toBeUndefined();
			expect(error?.message).toBe('Metal answered without the expected list of objects');
			expect(error?.description?.split('\n')[0]).toBe(
				'Metal sent: {"data":{"id":"r0","name":"Atlas"}}. Check that the Base URL in the Metal API credential points at the Metal API.',
			);
		});
	});
}
