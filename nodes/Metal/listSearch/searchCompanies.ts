import { COMPANIES } from '../resources/company/fields';
import { newestFirstPicker } from './newestFirst';

/** "From List" of the Company picker: companies newest first, matched by any of their names. */
export const searchCompanies = newestFirstPicker(COMPANIES, (company) => [
	company.canonicalName,
	...(Array.isArray(company.alternativeNames) ? company.alternativeNames : []),
]);
