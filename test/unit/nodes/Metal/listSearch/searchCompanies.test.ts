import { searchCompanies } from '../../../../../nodes/Metal/listSearch/searchCompanies';
import { idOf, serveList } from '../../../../helpers/metalList';
import { loadOptionsContext } from '../../../../helpers/runMetalNode';

const context = () =>
	loadOptionsContext({ parameters: { resource: 'company', operation: 'update' } });

const companies = [
	{ id: idOf(3), canonicalName: 'Acme Holdings', alternativeNames: ['Acme', 'ACME Corp'] },
	{ id: idOf(2), canonicalName: 'International Business Machines', alternativeNames: ['IBM'] },
	{ id: idOf(1), canonicalName: 'Borealis Capital' },
	{ id: idOf(0), alternativeNames: 'not a list' },
];

describe('Company picker (From List)', () => {
	it('lists companies newest first by their canonical name', async () => {
		const requests = serveList('/v1/companies', companies);

		const result = await searchCompanies.call(context());

		expect(requests.map((r) => r.path)).toEqual(['/v1/companies?limit=100']);
		expect(result).toEqual({
			results: [
				{ name: 'Acme Holdings', value: idOf(3) },
				{ name: 'International Business Machines', value: idOf(2) },
				{ name: 'Borealis Capital', value: idOf(1) },
				{ name: idOf(0), value: idOf(0) },
			],
		});
	});

	it('what the user types is matched against the canonical and the alternative names', async () => {
		serveList('/v1/companies', companies);

		expect((await searchCompanies.call(context(), 'ibm')).results).toEqual([
			{ name: 'International Business Machines', value: idOf(2) },
		]);
		expect((await searchCompanies.call(context(), 'CAPITAL')).results).toEqual([
			{ name: 'Borealis Capital', value: idOf(1) },
		]);
	});
});
