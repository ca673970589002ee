import { metalId, number, text } from '../../fields/kit';
import { updateOperation, whenSet } from '../records';
import { DEALS, stage, status } from './fields';

export const update = updateOperation({
	...DEALS,
	searchListMethod: 'searchDeals',
	description:
		"Change a deal's name, company, status, stage, sector, size or notes. Only the fields set under Update Fields are sent. Use it to move a deal to another stage, or to keep Metal in step with a CRM.",
	changes: [
		metalId({
			displayName: 'Company ID',
			name: 'companyId',
			description: whenSet(
				'The Metal ID of the company the deal is about (see Company → Get Many)',
			),
		}),
		text({ displayName: 'Name', name: 'name', description: whenSet("The deal's name") }),
		text({
			displayName: 'Notes',
			name: 'notes',
			typeOptions: { rows: 4 },
			description: whenSet("The deal's notes"),
		}),
		text({
			displayName: 'Sector',
			name: 'sector',
			placeholder: 'e.g. Healthcare',
			description: whenSet("The deal's sector, as text"),
		}),
		number({
			displayName: 'Size',
			name: 'size',
			description: whenSet('The size of the deal, as a number (Metal documents no unit)'),
		}),
		stage(whenSet('The pipeline stage the deal is in')),
		status(whenSet("The deal's status: Active, Closed, or Passed / Dead")),
	],
});
