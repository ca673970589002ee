import { getOperation } from '../records';
import { COMPANIES } from './fields';

export const get = getOperation({
	...COMPANIES,
	modes: ['list', 'id', 'externalId'],
	locator:
		'The company to get: From List, By ID (its Metal ID), or By External ID (its ID in your own system, such as a CRM, which Metal keeps as externalId)',
	description:
		'Get one company by its Metal ID or by its external ID (its ID in your own system, such as a CRM): its names, website, descriptions, sector, location, enrichments and custom fields. To find a company by name, use Search. Use it before Update in a sync, or to read what Metal knows of a company.',
});
