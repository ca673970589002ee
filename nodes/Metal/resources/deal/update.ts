import { metalId, number, text } from '../../fields/kit';
import { updateOperation } from '../records';
import { DEALS, stage, status } from './fields';

export const update = updateOperation({
	...DEALS,
	description:
		"Change a deal's name, company, status, stage, sector, size or notes. Only the fields set under Update Fields are sent. Use it to move a deal to another stage, or to keep Metal in step with a CRM.",
	changes: [
		metalId({
			displayName: 'Company ID',
			name: 'companyId',
			description: 'The Metal ID of the company the deal is about (see Company → Get Many)',
		}),
		text({ displayName: 'Name', name: 'name', description: "The deal's name" }),
		text({
			displayName: 'Notes',
			name: 'notes',
			typeOptions: { rows: 4 },
			description: "The deal's notes",
		}),
		text({
			displayName: 'Sector',
			name: 'sector',
			placeholder: 'e.g. Healthcare',
			description: "The deal's sector, as text",
		}),
		number({
			displayName: 'Size',
			name: 'size',
			description: 'The size of the deal, as a number (Metal documents no unit)',
		}),
		stage('The pipeline stage the deal is in'),
		status("The deal's status: Active, Closed, or Passed / Dead"),
	],
});
