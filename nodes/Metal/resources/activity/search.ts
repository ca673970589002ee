import { searchOperation } from '../search';

export const search = searchOperation({
	noun: 'activity',
	plural: 'activities',
	path: '/v1/activities',
	placeholder: 'e.g. management call',
	description:
		'Find logged meetings, calls and other activities by words in their subject or type, best matches first. Use it to check whether a meeting was already logged, or to find an activity to update.',
});
