import { documentedChoices } from '../../fields/choices';
import { choice } from '../../fields/kit';
import type { Records } from '../records';

export const DEALS: Records = {
	name: 'Deal',
	noun: 'deal',
	plural: 'deals',
	path: '/v1/deals',
	searchListMethod: 'searchDeals',
};

/** Metal's deal stages, in pipeline order. */
export const STAGES = documentedChoices(
	[
		'SOURCED',
		'SCREENED',
		'IOI_TERM_SHEET',
		'DUE_DILIGENCE',
		'IC_MEETING',
		'DEAL_CLOSING',
		'PORTFOLIO_COMPANY',
		'REALIZED',
		'PASSED',
		'DEAD',
	],
	{ IOI_TERM_SHEET: 'IOI / Term Sheet', IC_MEETING: 'IC Meeting' },
);

/** Metal's deal statuses. */
export const STATUSES = documentedChoices(['ACTIVE', 'CLOSED', 'PASSED_DEAD'], {
	PASSED_DEAD: 'Passed / Dead',
});

/** Stage and Status, for Update and for the Get Many filters, each with its own description. */
export const stage = (description: string) =>
	choice({ displayName: 'Stage', name: 'stage', description }, STAGES);

export const status = (description: string) =>
	choice({ displayName: 'Status', name: 'status', description }, STATUSES);
