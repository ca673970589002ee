import { COMPANY_TYPES } from '../../../../../../nodes/Metal/resources/company/getAll';
import { idOf, newestFirst, serveList } from '../../../../../helpers/metalList';
import { CANARY_KEY, CLIENT_ID, runMetalNode } from '../../../../../helpers/runMetalNode';

const SECTORS = ['Healthcare', 'Industrials', 'healthcare ', 'Software'];

/** Company n: the documented types in turn, and sectors as people type them. */
const companies = (count: number) =>
	newestFirst(count, (n) => ({
		canonicalName: `Company ${n}`,
		companyType: COMPANY_TYPES[n % COMPANY_TYPES.length].value,
		sector: SECTORS[n % SECTORS.length],
	}));

const paired = (records: object[]) => records.map((json) => ({ json, pairedItem: { item: 0 } }));

describe('Company → Get Many', () => {
	it('by default: GET /v1/companies?limit=50, the 50 newest companies', async () => {
		const all = companies(60);
		const requests = serveList('/v1/companies', all);

		const { output, error } = await runMetalNode({
			parameters: { resource: 'company', operation: 'getAll' },
		});

		expect(error).toBeUndefined();
		expect(requests.map((r) => [r.method, r.path])).toEqual([['GET', '/v1/companies?limit=50']]);
		expect(requests[0].headers['x-metal-client-id']).toBe(CLIENT_ID);
		expect(requests[0].headers['x-metal-api-key']).toBe(CANARY_KEY);
		expect(output).toEqual(paired(all.slice(0, 50)));
	});

	it('Company Type and Sector: Limit counts the matches, across pages of 1,000', async () => {
		// Investors in healthcare: types repeat every 7, sectors every 4, so one company in 14.
		const all = companies(2500);
		const requests = serveList('/v1/companies', all);

		const { output } = await runMetalNode({
			parameters: {
				resource: 'company',
				operation: 'getAll',
				limit: 100,
				filters: { companyType: 'investor', sector: 'HEALTHCARE' },
			},
		});

		expect(requests.map((r) => r.path)).toEqual([
			'/v1/companies?limit=1000',
			`/v1/companies?limit=1000&lt=${idOf(1500)}`,
		]);
		const matching = all.filter(
			(c) => c.companyType === 'investor' && String(c.sector).trim().toLowerCase() === 'healthcare',
		);
		expect(output).toEqual(paired(matching.slice(0, 100)));
	});

	it('a filter matches a sector whatever the Unicode form of its accents', async () => {
		// "Santé" stored with e plus a combining accent, filtered with é as one character.
		const all = newestFirst(3, (n) => ({
			canonicalName: `Company ${n}`,
			sector: n === 1 ? 'Sante\u0301' : 'Tech',
		}));
		serveList('/v1/companies', all);

		const { output } = await runMetalNode({
			parameters: {
				resource: 'company',
				operation: 'getAll',
				filters: { sector: 'SANT\u00c9' },
			},
		});

		expect(output).toEqual(paired([all[1]]));
	});

	it('a company type by its name, Oldest First, Return All', async () => {
		const all = companies(30);
		const requests = serveList('/v1/companies', all);

		const { output } = await runMetalNode({
			items: [{ type: 'Investment Bank' }],
			parameters: {
				resource: 'company',
				operation: 'getAll',
				returnAll: true,
				options: { sortDirection: 'asc' },
				filters: { companyType: '={{ $json.type }}' },
			},
		});

		expect(requests.map((r) => r.path)).toEqual(['/v1/companies?limit=1000&page=1&direction=asc']);
		const oldestBanks = [...all].reverse().filter((c) => c.companyType === 'investment_bank');
		expect(output).toEqual(paired(oldestBanks));
	});
});
