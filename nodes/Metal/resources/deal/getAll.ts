import { metalId } from '../../fields/kit';
import { getManyOperation } from '../records';
import { DEALS, stage, status } from './fields';

export const getAll = getManyOperation({
	...DEALS,
	description:
		"List deals, newest first. Use Filters to keep only the deals in a stage, with a status or of one company: the node reads Metal's list and keeps the matches. Use it to find a deal's ID for Update, or to report on the pipeline.",
	filters: [
		metalId({
			displayName: 'Company ID',
			name: 'companyId',
			description: 'Only the deals of this company, by its Metal ID (see Company → Get Many)',
		}),
		stage('Only the deals in this stage'),
		status('Only the deals with this status'),
	],
});
