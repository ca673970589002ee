import { documentedChoices } from '../../fields/choices';
import { choice, text } from '../../fields/kit';
import { getManyOperation } from '../records';
import { COMPANIES } from './fields';

/** Metal's company types (its data model's `companyType`). */
export const COMPANY_TYPES = documentedChoices([
	'operating',
	'investor',
	'lender',
	'investment_bank',
	'advisor',
	'sponsor',
	'service_provider',
]);

export const getAll = getManyOperation({
	...COMPANIES,
	description:
		"List companies, newest first. Use Filters to keep only the companies of one type or sector: the node reads Metal's list and keeps the matches. Use it to find a company's ID for Update or for a deal's Company ID, or to export companies to a sheet or a CRM.",
	filters: [
		choice(
			{
				displayName: 'Company Type',
				name: 'companyType',
				description: 'Only the companies of this type',
			},
			COMPANY_TYPES,
		),
		text({
			displayName: 'Sector',
			name: 'sector',
			placeholder: 'e.g. Healthcare',
			description:
				'Only the companies whose sector is this text (whole text, ignoring case and how accents are encoded)',
		}),
	],
});
