import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';

import { choice, list, number, type Value } from '../Metal/fields/kit';
import { emptyError, parseChoice, type At } from '../Metal/fields/values';
import { STAGES as DEAL_STAGES, STATUSES as DEAL_STATUSES } from '../Metal/resources/deal/fields';
import type { DealFilter } from './stageChanges';

/** Metal's documented deal stages and statuses: the same lists as the Metal node's. */
export { DEAL_STAGES, DEAL_STATUSES };

export const EVENTS: INodePropertyOptions[] = [
	{
		name: 'Deal Stage or Status Changed',
		value: 'dealStageOrStatusChanged',
		description: "When a deal's stage or status changes, such as a deal moved to IC Meeting",
	},
	{ name: 'New Company', value: 'newCompany', description: 'When a company is added to Metal' },
	{ name: 'New Deal', value: 'newDeal', description: 'When a deal is added to Metal' },
];

export type EventName = 'dealStageOrStatusChanged' | 'newCompany' | 'newDeal';

const NEW_RECORD_EVENTS = ['newCompany', 'newDeal'];
const STAGE_EVENTS = ['dealStageOrStatusChanged'];

export const event = choice(
	{
		displayName: 'Event',
		name: 'event',
		required: true,
		noDataExpression: true,
		default: 'newDeal',
		description: 'What starts the workflow',
	},
	EVENTS,
);

const anyOf = (options: INodePropertyOptions[]) => (raw: unknown, at: At) =>
	parseChoice(raw, at, options);

export const stages = list(
	{
		displayName: 'Stages',
		name: 'stages',
		type: 'multiOptions',
		options: DEAL_STAGES,
		default: [],
		description:
			'Only changes after which the deal is in one of these stages, such as a deal moved to IC Meeting (a deal already there whose status changes counts too). Leave empty for any stage.',
	},
	anyOf(DEAL_STAGES),
);

export const statuses = list(
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: DEAL_STATUSES,
		default: [],
		description:
			'Only changes after which the deal has one of these statuses. Leave empty for any status.',
	},
	anyOf(DEAL_STATUSES),
);

export const DEFAULT_MAX_EVENTS = 100;
export const DEFAULT_OVERLAP_MINUTES = 15;

export const maxEvents = number(
	{
		displayName: 'Max Events per Poll',
		name: 'maxEvents',
		default: DEFAULT_MAX_EVENTS,
		description:
			'The most events one poll emits. When more happened since the last poll, the rest follow at the next polls, oldest first, instead of all at once.',
	},
	{ min: 1, max: 10_000, integer: true },
);

export const overlapMinutes = number(
	{
		displayName: 'Overlap Window (Minutes)',
		name: 'overlapMinutes',
		default: DEFAULT_OVERLAP_MINUTES,
		description:
			'How far back each poll looks again, below the newest record, for records that became visible in Metal late. Records already emitted are not emitted again.',
		displayOptions: { show: { '/event': NEW_RECORD_EVENTS } },
	},
	{ min: 0, max: 1440, integer: true },
);

const shownFor = (events: string[], property: INodeProperties): INodeProperties => ({
	...property,
	displayOptions: { show: { event: events } },
});

/** The node's parameters (n8n adds Poll Times). */
export const TRIGGER_PROPERTIES: INodeProperties[] = [
	event.property,
	shownFor(STAGE_EVENTS, {
		displayName:
			'Metal keeps no history of deal changes: each poll reads every deal (one request per 1,000 deals) and compares it with the poll before. Poll less often when the firm has many deals.',
		name: 'costNotice',
		type: 'notice',
		default: '',
	}),
	shownFor(STAGE_EVENTS, stages.property),
	shownFor(STAGE_EVENTS, statuses.property),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [maxEvents.property, overlapMinutes.property],
	},
];

export interface Settings {
	event: EventName;
	filter: DealFilter;
	maxEvents: number;
	overlapSeconds: number;
}

/** The node's parameters, each checked as the Metal node checks its own. */
export function readSettings(context: IPollFunctions): Settings {
	const node = context.getNode();
	const at = (label: string): At => ({
		node,
		itemIndex: 0,
		label,
		timezone: context.getTimezone(),
	});
	const read = <T>(value: Value<T>, raw: unknown) =>
		value.parse(raw, at(value.property.displayName));
	const name = read(event, context.getNodeParameter('event', 'newDeal')) as EventName | undefined;
	if (name === undefined) throw emptyError(at(event.property.displayName));
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const onStages = name === 'dealStageOrStatusChanged';
	return {
		event: name,
		filter: {
			stages: onStages ? read(stages, context.getNodeParameter('stages', [])) : undefined,
			statuses: onStages ? read(statuses, context.getNodeParameter('statuses', [])) : undefined,
		},
		maxEvents: read(maxEvents, options.maxEvents) ?? DEFAULT_MAX_EVENTS,
		overlapSeconds: 60 * (read(overlapMinutes, options.overlapMinutes) ?? DEFAULT_OVERLAP_MINUTES),
	};
}
