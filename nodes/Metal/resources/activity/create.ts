import { defineOperation } from '../../engine/operation';
import { externalReference, list } from '../../fields/kit';
import { additionalFields, required } from '../../fields/parameters';
import { parseMetalId } from '../../fields/values';
import { endedAt, isPrivate, participants, startedAt, subject, type } from './fields';

const subjectRequired = required(subject);

const extra = additionalFields([
	list(
		{
			displayName: 'Deal IDs',
			name: 'deals',
			placeholder: 'e.g. 665f1c2a9b1e4a0012a3b4c5, 665f1c2a9b1e4a0012a3b4c6',
			description:
				'The Metal IDs of the deals the activity belongs to, separated by commas, or a list from an expression. Metal does not let an update change them.',
		},
		parseMetalId,
	),
	endedAt,
	externalReference({
		description:
			'Where the activity comes from, such as the calendar event it was logged from. Metal stores it but documents no way to look an activity up by it, and an update cannot change it.',
		source: {
			placeholder: 'e.g. google-calendar',
			description: 'The system the activity comes from',
		},
		id: {
			placeholder: 'e.g. 7kq1v0o2jc8b3a9d',
			description: "The activity's ID in that system, such as the calendar event's ID",
		},
	}),
	participants,
	isPrivate,
	startedAt,
	type,
]);

export const create = defineOperation({
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an activity',
		description:
			'Log a meeting, call or other interaction in Metal, optionally linked to deals and participants. Each call logs another activity, even for the same event: Metal documents no look-up by external reference, so filter out events already logged before this node.',
	},
	effect: { kind: 'create', noun: 'activity' },
	fields: [subjectRequired, extra],
	prepare: (read) => ({ subject: read(subjectRequired), ...read(extra) }),
	send: async (body, metal) =>
		await metal.one({
			method: 'POST',
			path: '/v1/activities',
			body,
		}),
});
