import { defineOperation } from '../../engine/operation';
import { describedAs } from '../../fields/kit';
import { updateFields } from '../../fields/parameters';
import { activityId, endedAt, isPrivate, participants, startedAt, subject, type } from './fields';

const changes = updateFields([
	endedAt,
	describedAs(
		participants,
		"Who took part, each by Metal ID and type. Metal does not document whether the participants sent replace the activity's participants or are added to them.",
	),
	isPrivate,
	startedAt,
	subject,
	type,
]);

export const update = defineOperation({
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an activity',
		description:
			"Change an activity's subject, type, times, participants or privacy. Only the fields set are sent. Its deals and external reference cannot be changed: Metal's update does not take them.",
	},
	effect: { kind: 'update', noun: 'activity' },
	fields: [activityId, changes],
	prepare: (read) => ({ id: read(activityId), body: read(changes) }),
	send: async ({ id, body }, metal) =>
		await metal.one({
			method: 'PUT',
			path: `/v1/activities/${id}`,
			body,
		}),
});
