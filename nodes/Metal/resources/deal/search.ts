import { searchOperation } from '../search';
import { DEALS } from './fields';

export const search = searchOperation({
	...DEALS,
	placeholder: 'e.g. Project Atlas',
	description:
		"Find deals by name or by words in their sector, industry or notes, best matches first. Use it to find a deal's Metal ID when you know only its name, such as for Update.",
});
