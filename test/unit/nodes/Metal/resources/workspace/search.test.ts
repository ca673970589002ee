import { interceptMetal } from '../../../../../helpers/metalNock';
import { runMetalNode } from '../../../../../helpers/runMetalNode';

const search = (parameters: Record<string, unknown>) => ({
	resource: 'workspace',
	operation: 'search',
	query: 'atlas',
	...parameters,
});

const workspaces = (count: number, from = 0) =>
	Array.from({ length: count }, (_, n) => ({ id: `w${from + n}`, name: `Atlas ${from + n}` }));

/** Answers each page from a list of `total` workspaces, as Metal's search envelope. */
function searchServing(total: number, options: { totalPages?: (limit: number) => number } = {}) {
	const all = workspaces(total);
	return interceptMetal({
		path: '/v1/workspaces/search',
		times: 100,
		reply: (body) => {
			const { page, limit } = body as { page: number; limit: number };
			const data = all.slice((page - 1) * limit, page * limit);
			const totalPages = options.totalPages?.(limit) ?? Math.ceil(total / limit);
			return [200, { data, metadata: { page, limit, totalCount: total, totalPages } }];
		},
	});
}

describe('Workspace → Search', () => {
	it('one page: one output item per workspace, each paired with the item that asked', async () => {
		const requests = searchServing(3);

		const { output } = await runMetalNode({ parameters: search({ limit: 10 }) });

		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/v1/workspaces/search', { query: 'atlas', page: 1, limit: 10 }],
		]);
		expect(output).toEqual(workspaces(3).map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('no match: no output items, no error', async () => {
		searchServing(0);

		const { output, error } = await runMetalNode({ parameters: search({}) });

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	it('Return All pages through every page in pages of 50', async () => {
		const requests = searchServing(120);

		const { output } = await runMetalNode({ parameters: search({ returnAll: true }) });

		expect(requests.map((r) => r.body)).toEqual(
			[1, 2, 3].map((page) => ({ query: 'atlas', page, limit: 50 })),
		);
		expect(output?.map((item) => item.json.id)).toEqual(workspaces(120).map((w) => w.id));
	});

	it('a Limit smaller than a page asks for just that many', async () => {
		const requests = searchServing(120);

		const { output } = await runMetalNode({ parameters: search({ limit: 7 }) });

		expect(requests.map((r) => r.body)).toEqual([{ query: 'atlas', page: 1, limit: 7 }]);
		expect(output).toHaveLength(7);
	});

	it('a Limit larger than a page stops as soon as it has enough', async () => {
		const requests = searchServing(500);

		const { output } = await runMetalNode({ parameters: search({ limit: 120 }) });

		expect(requests.map((r) => (r.body as { page: number }).page)).toEqual([1, 2, 3]);
		expect(output?.map((item) => item.json.id)).toEqual(workspaces(120).map((w) => w.id));
	});

	it("several items: each item's results are paired with it, in item order", async () => {
		interceptMetal({
			path: '/v1/workspaces/search',
			times: 2,
			reply: (body) => {
				const { query } = body as { query: string };
				return [
					200,
					{ data: [{ id: `${query}-1` }, { id: `${query}-2` }], metadata: { totalPages: 1 } },
				];
			},
		});

		const { output } = await runMetalNode({
			items: [{ deal: 'atlas' }, { deal: 'borealis' }],
			parameters: search({ query: '={{ $json.deal }}' }),
		});

		expect(output).toEqual([
			{ json: { id: 'atlas-1' }, pairedItem: { item: 0 } },
			{ json: { id: 'atlas-2' }, pairedItem: { item: 0 } },
			{ json: { id: 'borealis-1' }, pairedItem: { item: 1 } },
			{ json: { id: 'borealis-2' }, pairedItem: { item: 1 } },
		]);
	});

	it('an empty query is refused before anything is sent', async () => {
		const requests = searchServing(3);

		const { error } = await runMetalNode({ parameters: search({ query: ' ' }) });

		expect(error?.message).toBe('The "Query" parameter is empty in item 0');
		expect(requests).toHaveLength(0);
	});

	it('a Limit that is not a whole number is refused', async () => {
		const { error } = await runMetalNode({ parameters: search({ limit: 2.5 }) });

		expect(error?.message).toBe(
			'The "Limit" parameter in item 0 is the number 2.5, not a whole number of at least 1',
		);
	});
});
