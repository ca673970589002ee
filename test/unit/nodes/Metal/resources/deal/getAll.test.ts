import type { IDataObject } from 'n8n-workflow';

import { idOf, newestFirst, serveList } from '../../../../../helpers/metalList';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

const STAGES = ['SOURCED', 'SCREENED', 'DUE_DILIGENCE', 'IC_MEETING', 'DEAL_CLOSING'];
const COMPANY_A = '665f1c2a9b1e4a0012a3b4c5';
const COMPANY_B = '665f1c2a9b1e4a0012a3b4c6';

/** Deal n: stages in turn, every third one closed, even ones of company A. */
const deals = (count: number) =>
	newestFirst(count, (n) => ({
		name: `Deal ${n}`,
		companyId: n % 2 === 0 ? COMPANY_A : COMPANY_B,
		stage: STAGES[n % STAGES.length],
		status: n % 3 === 0 ? 'CLOSED' : 'ACTIVE',
		size: n * 1000,
	}));

const getAll = (parameters: IDataObject = {}) => ({
	resource: 'deal',
	operation: 'getAll',
	...parameters,
});

const paired = (records: IDataObject[], item = 0) =>
	records.map((json) => ({ json, pairedItem: { item } }));

describe('Deal → Get Many', () => {
	it('by default: GET /v1/deals?limit=50, the 50 newest deals, each paired with the item', async () => {
		const all = deals(120);
		const requests = serveList('/v1/deals', all);

		const { output, error } = await runMetalNode({ parameters: getAll() });

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path])).toEqual([['GET', '/v1/deals?limit=50']]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual(paired(all.slice(0, 50)));
	});

	it('Return All follows the lt cursor through pages of 1,000: ⌈deals / 1,000⌉ requests', async () => {
		const all = deals(2500);
		const requests = serveList('/v1/deals', all);

		const { output } = await runMetalNode({ parameters: getAll({ returnAll: true }) });

		expect(requests.map((r) => r.path)).toEqual([
			'/v1/deals?limit=1000',
			`/v1/deals?limit=1000&lt=${idOf(1500)}`,
			`/v1/deals?limit=1000&lt=${idOf(500)}`,
		]);
		expect(output).toEqual(paired(all));
	});

	it("Oldest First stops at Metal's last numbered page, with an error saying so", async () => {
		// No deal matches the filter: the node reads every page it may, and no page 101.
		const all = newestFirst(100_500, (n) => ({ name: `Deal ${n}`, stage: 'SOURCED' }));
		const requests = serveList('/v1/deals', all);

		const { output, error } = await runMetalNode({
			parameters: getAll({
				returnAll: true,
				filters: { stage: 'DEAD' },
				options: { sortDirection: 'asc' },
			}),
		});

		expect(requests).toHaveLength(100);
		expect(requests[99].path).toBe('/v1/deals?limit=1000&page=100&direction=asc');
		expect(output).toBeUndefined();
		expect(error?.message).toBe("Oldest First stopped after Metal's last numbered page (100)");
		expect(error?.description?.split('\n')[0]).toBe(
			'Metal serves its numbered pages up to page 100. Use Newest First to read every record, or set a Limit or filters that need fewer pages.',
		);
	}, 120_000);

	it('Oldest First asks for direction=asc page by page', async () => {
		const all = deals(30);
		const requests = serveList('/v1/deals', all);

		const { output } = await runMetalNode({
			parameters: getAll({ limit: 10, options: { sortDirection: 'asc' } }),
		});

		expect(requests.map((r) => r.path)).toEqual(['/v1/deals?limit=10&page=1&direction=asc']);
		expect(output?.map((item) => item.json.name)).toEqual(
			Array.from({ length: 10 }, (_, n) => `Deal ${n}`),
		);
	});

	it('a filter reads whole pages, and Limit counts the deals that match, across pages', async () => {
		// One deal in five is in due diligence: 200 per page of 1,000.
		const all = deals(3000);
		const requests = serveList('/v1/deals', all);

		const { output } = await runMetalNode({
			parameters: getAll({ limit: 300, filters: { stage: 'DUE_DILIGENCE' } }),
		});

		expect(requests.map((r) => r.path)).toEqual([
			'/v1/deals?limit=1000',
			`/v1/deals?limit=1000&lt=${idOf(2000)}`,
		]);
		const matching = all.filter((deal) => deal.stage === 'DUE_DILIGENCE');
		expect(output).toEqual(paired(matching.slice(0, 300)));
	});

	it('filters combine; values from a sheet match whatever their case; Return All reads every page', async () => {
		const all = deals(1500);
		const requests = serveList('/v1/deals', all);

		const { output } = await runMetalNode({
			items: [
				{ stage: 'Due diligence', status: 'active', company: ` ${COMPANY_A.toUpperCase()} ` },
			],
			parameters: getAll({
				returnAll: true,
				filters: {
					stage: '={{ $json.stage }}',
					status: '={{ $json.status }}',
					companyId: '={{ $json.company }}',
				},
			}),
		});

		expect(requests).toHaveLength(2);
		const matching = all.filter(
			(deal) =>
				deal.stage === 'DUE_DILIGENCE' && deal.status === 'ACTIVE' && deal.companyId === COMPANY_A,
		);
		expect(matching.length).toBeGreaterThan(0);
		expect(output).toEqual(paired(matching));
	});

	it('no deal matches: no output items, no error', async () => {
		serveList('/v1/deals', deals(40));

		const { output, error } = await runMetalNode({
			parameters: getAll({ returnAll: true, filters: { stage: 'REALIZED' } }),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	it("several items: each item's deals are paired with it, in item order", async () => {
		const all = deals(20);
		serveList('/v1/deals', all);

		const { output } = await runMetalNode({
			items: [{ stage: 'SOURCED' }, { stage: 'IC_MEETING' }],
			parameters: getAll({ limit: 2, filters: { stage: '={{ $json.stage }}' } }),
		});

		const first = all.filter((deal) => deal.stage === 'SOURCED').slice(0, 2);
		const second = all.filter((deal) => deal.stage === 'IC_MEETING').slice(0, 2);
		expect(output).toEqual([...paired(first, 0), ...paired(second, 1)]);
	});

	it('a stage that is not one of Metal’s is refused before anything is sent', async () => {
		const requests = serveList('/v1/deals', deals(5));

		const { error } = await runMetalNode({
			parameters: getAll({ filters: { stage: '={{ "Closing" }}' } }),
		});

		expect(error?.message).toBe(
			'The "Stage" parameter in item 0 is the text "Closing", not one of SOURCED, SCREENED, IOI_TERM_SHEET, DUE_DILIGENCE, IC_MEETING, DEAL_CLOSING, PORTFOLIO_COMPANY, REALIZED, PASSED, DEAD',
		);
		expect(requests).toHaveLength(0);
	});
});
