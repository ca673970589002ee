import { searchDeals } from '../../../../../nodes/Metal/listSearch/searchDeals';
import { idOf, newestFirst, serveList } from '../../../../helpers/metalList';
import { interceptMetal } from '../../../../helpers/metalNock';
import { CANARY_KEY, loadOptionsContext } from '../../../../helpers/runMetalNode';

const context = () => loadOptionsContext({ parameters: { resource: 'deal', operation: 'update' } });

/** `count` deals, newest first; every hundredth one is about Atlas. */
const deals = (count: number) =>
	newestFirst(count, (n) => ({ name: n % 100 === 0 ? `Project ATLAS ${n}` : `Deal ${n}` }));

describe('Deal picker (From List)', () => {
	it('lists the newest deals at once, without a search, and offers more from the last id', async () => {
		const requests = serveList('/v1/deals', deals(250));

		const result = await searchDeals.call(context());

		expect(requests.map((r) => r.path)).toEqual(['/v1/deals?limit=100']);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(result.results).toHaveLength(100);
		expect(result.results[0]).toEqual({ name: 'Deal 249', value: idOf(249) });
		expect(result.results[49]).toEqual({ name: 'Project ATLAS 200', value: idOf(200) });
		expect(result.paginationToken).toBe(idOf(150));
	});

	it('scrolling asks for the deals older than the token, and the last page ends the list', async () => {
		const requests = serveList('/v1/deals', deals(250));

		const result = await searchDeals.call(context(), undefined, idOf(50));

		expect(requests.map((r) => r.path)).toEqual([`/v1/deals?limit=100&lt=${idOf(50)}`]);
		expect(result.results.map((r) => r.value)).toEqual(
			Array.from({ length: 50 }, (_, n) => idOf(49 - n)),
		);
		expect(result.paginationToken).toBeUndefined();
	});

	it('what the user types is matched against the name, ignoring case, reading whole pages', async () => {
		// Ten matches per page of 1,000: two pages make a screenful of 20.
		const requests = serveList('/v1/deals', deals(5000));

		const result = await searchDeals.call(context(), ' atlas ');

		expect(requests.map((r) => r.path)).toEqual([
			'/v1/deals?limit=1000',
			`/v1/deals?limit=1000&lt=${idOf(4000)}`,
		]);
		expect(result.results.map((r) => r.name)).toEqual(
			Array.from({ length: 20 }, (_, n) => `Project ATLAS ${4900 - n * 100}`),
		);
		expect(result.paginationToken).toBe(idOf(3000));
	});

	it('a rare match: at most five pages a call, then the next call goes on from the last deal read', async () => {
		const all = newestFirst(8000, (n) => ({ name: n === 100 ? 'Borealis' : `Deal ${n}` }));
		const requests = serveList('/v1/deals', all);

		const first = await searchDeals.call(context(), 'borealis');
		const next = await searchDeals.call(context(), 'borealis', first.paginationToken);

		// 5 pages, then 3 more and the empty page after the last full one.
		expect(requests).toHaveLength(9);
		expect(first).toEqual({ results: [], paginationToken: idOf(3000) });
		expect(next).toEqual({ results: [{ name: 'Borealis', value: idOf(100) }] });
	});

	it('what the user types matches a name whatever the Unicode form of its accents', async () => {
		serveList('/v1/deals', [
			{ id: idOf(2), name: 'Cafe\u0301 Holdings' },
			{ id: idOf(1), name: 'Cafe Holdings' },
		]);

		const result = await searchDeals.call(context(), 'caf\u00e9');

		expect(result.results).toEqual([{ name: 'Cafe\u0301 Holdings', value: idOf(2) }]);
	});

	it('a deal without a name is offered by its ID', async () => {
		serveList('/v1/deals', [{ id: idOf(1) }, { id: idOf(0), name: '' }]);

		const result = await searchDeals.call(context());

		expect(result).toEqual({
			results: [
				{ name: idOf(1), value: idOf(1) },
				{ name: idOf(0), value: idOf(0) },
			],
		});
	});

	it('a server that ignores the cursor: the list ends rather than repeat itself', async () => {
		const full = deals(100);
		const requests = interceptMetal({
			method: 'get',
			path: /^\/v1\/deals\?/,
			times: 10,
			reply: () => [200, { data: full }],
		});

		const first = await searchDeals.call(context());
		const again = await searchDeals.call(context(), undefined, first.paginationToken);

		expect(requests).toHaveLength(2);
		expect(again.paginationToken).toBeUndefined();
	});

	it('a 401 reaches the picker as the same clear error', async () => {
		interceptMetal({
			method: 'get',
			path: /^\/v1\/deals\?/,
			reply: () => [401, { error: 'invalid api key or clientId' }],
		});

		await expect(searchDeals.call(context())).rejects.toThrow(
			'Metal did not accept the credentials: invalid api key or clientId',
		);
	});
});
