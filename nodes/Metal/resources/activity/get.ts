import { defineOperation } from '../../engine/operation';
import { activityId } from './fields';

export const get = defineOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an activity',
		description: 'Get one activity by its Metal ID',
	},
	effect: { kind: 'read', noun: 'activity' },
	fields: [activityId],
	prepare: (read) => read(activityId),
	send: async (id, metal) =>
		await metal.one({
			method: 'GET',
			path: `/v1/activities/${id}`,
		}),
});
