import { searchOperation } from '../search';
import { COMPANIES } from './fields';

export const search = searchOperation({
	...COMPANIES,
	placeholder: 'e.g. Acme',
	description:
		"Find companies by name or by words in their website, descriptions, sector or industry, best matches first. Use it to find a company's Metal ID when you know only its name; Get then reads it by that ID.",
});
