import { getOperation } from '../records';
import { DEALS } from './fields';

export const get = getOperation({
	...DEALS,
	modes: ['externalId'],
	locator:
		'The deal, by its external ID: its ID in your own system, such as a CRM, which Metal keeps as externalId. Metal documents no way to get a deal by its Metal ID: to find a deal by name, use Deal → Search or Get Many.',
	description:
		'Get one deal by its external ID (its ID in your own system, such as a CRM): its name, company, stage, status, sector, size and notes. Use it before Update in a sync from a CRM. Metal documents no way to get a deal by its Metal ID: to find one by name, use Search.',
});
