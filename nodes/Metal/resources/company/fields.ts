import type { Records } from '../records';

export const COMPANIES: Records = {
	name: 'Company',
	noun: 'company',
	plural: 'companies',
	path: '/v1/companies',
	searchListMethod: 'searchCompanies',
};
