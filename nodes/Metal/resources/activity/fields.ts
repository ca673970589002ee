import { bool, dateTime, group, metalId, text } from '../../fields/kit';
import { idLocator } from '../../fields/locator';

/** The values of an activity that Create and Update share, each defined once. */

export const subject = text({
	displayName: 'Subject',
	name: 'subject',
	placeholder: 'e.g. Intro call with management',
	description: 'What the activity was about',
});

export const type = text({
	displayName: 'Type',
	name: 'type',
	placeholder: 'e.g. Meeting',
	description:
		'The kind of activity, such as Meeting or Call. Metal documents it as free text, without a list of values.',
});

const zone =
	"Sent to Metal as ISO 8601 in UTC; a date and time without a time zone is taken in the workflow's time zone.";

export const startedAt = dateTime({
	displayName: 'Started At',
	name: 'startedAt',
	description: `When the activity began, such as a calendar event's start. ${zone}`,
});

export const endedAt = dateTime({
	displayName: 'Ended At',
	name: 'endedAt',
	description: `When the activity ended, such as a calendar event's end. ${zone}`,
});

export const participants = group(
	{
		displayName: 'Participants',
		name: 'participants',
		placeholder: 'Add Participant',
		description: 'Who took part: each participant is a Metal record, given by its ID and its type',
	},
	[
		metalId({
			displayName: 'ID',
			name: 'id',
			description: "The participant's Metal ID, such as a person's ID",
		}),
		text({
			displayName: 'Type',
			name: 'type',
			placeholder: 'e.g. person',
			description:
				'The kind of record the ID belongs to, such as person. Metal documents it as text, without a list of values.',
		}),
	],
	{ multiple: true, required: ['id', 'type'] },
);

export const isPrivate = bool({
	displayName: 'Private',
	name: 'isPrivate',
	description: 'Whether Metal marks the activity as private',
});

export const activityId = idLocator({
	displayName: 'Activity',
	name: 'activityId',
	noun: 'activity',
	description: 'The activity, by its Metal ID, such as the ID Activity → Create outputs',
});
