import { searchOperation } from '../search';

export const search = searchOperation({
	noun: 'person',
	plural: 'people',
	path: '/v1/people',
	placeholder: 'e.g. Jane Doe',
	description:
		"Find people by name, email, title or current company, best matches first. Use it to find a contact's Metal ID, such as for Update or Get.",
});
