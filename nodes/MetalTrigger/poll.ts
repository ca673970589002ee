import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { MetalClient } from '../Metal/transport/client';
import type { ItemRequests } from '../Metal/transport/requests';
import { listAll } from '../Metal/transport/pagination';
import { pollNewRecords, readWatermark } from './newRecords';
import { readSettings, type EventName, type Settings } from './properties';
import { DEALS_PATH, matches, pairOf, pollStageChanges, readDealWatch } from './stageChanges';

/** How one event is sampled in the editor and polled when active. */
interface TriggerEvent {
	noun: string;
	/** The newest matching record, shaped as the event emits it: the editor's test event. */
	sample(metal: ItemRequests, settings: Settings): Promise<IDataObject | undefined>;
	/**
	 * One poll from the stored state (none: the trigger starts afresh): the events, and the state
	 * to store for the next poll.
	 */
	poll(
		metal: ItemRequests,
		stored: IDataObject | undefined,
		settings: Settings,
	): Promise<{ events: IDataObject[]; state: object }>;
}

function newRecords(noun: string, plural: string, path: string): TriggerEvent {
	return {
		noun,
		sample: async (metal) => (await listAll(metal, path, { max: 1 }))[0],
		poll: async (metal, stored, options) =>
			await pollNewRecords(metal, { path, plural }, stored && readWatermark(stored), options),
	};
}

const EVENTS: Record<EventName, TriggerEvent> = {
	dealStageOrStatusChanged: {
		noun: 'deal',
		sample: async (metal, { filter }) => {
			const filtered = filter.stages !== undefined || filter.statuses !== undefined;
			const keep = filtered ? (deal: IDataObject) => matches(filter, pairOf(deal)) : undefined;
			const [deal] = await listAll(metal, DEALS_PATH, { max: 1, keep });
			// A test event has no earlier poll to compare with.
			return deal && { deal, previousStage: null, previousStatus: null };
		},
		poll: async (metal, stored, { filter, maxEvents }) =>
			await pollStageChanges(metal, stored && readDealWatch(stored), filter, maxEvents),
	},
	newCompany: newRecords('company', 'companies', '/v1/companies'),
	newDeal: newRecords('deal', 'deals', '/v1/deals'),
};

// Raised when the stored state changes shape: a trigger with an older state starts afresh.
const STATE_VERSION = 1;

/**
 * The poll. In the editor ("Fetch Test Event"): the newest matching record, the state untouched.
 * When active: the events since the last poll. The trigger starts afresh (records where it stands,
 * emits nothing) when the workflow is activated; when n8n restarts or an active workflow is updated
 * it carries on from its state. A failed request throws before the state is written, so the next
 * poll starts from the same place.
 */
export async function pollMetal(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(context);
	const event = EVENTS[settings.event];
	// Fetch Test Event: someone waits in the editor, so few and quick retries.
	const client = await MetalClient.create(context, {
		caller: context.getMode() === 'manual' ? 'editor' : 'poll',
	});
	const metal = client.bind({ kind: 'read', noun: event.noun });

	if (context.getMode() === 'manual') {
		const sample = await event.sample(metal, settings);
		if (sample === undefined) throw noSample(metal, event.noun);
		return [context.helpers.returnJsonArray([sample])];
	}

	// A poll that outlasts the interval would otherwise meet the next one, which would read the
	// same state and emit the same events: the later one is skipped, the earlier one covers it.
	if (running.has(context)) return null;
	running.add(context);
	try {
		const stored = context.getWorkflowStaticData('node');
		const carryOn =
			!startsAfresh(context) && stored.version === STATE_VERSION && stored.event === settings.event;
		const { events, state } = await event.poll(metal, carryOn ? stored : undefined, settings);
		writeState(stored, { version: STATE_VERSION, event: settings.event, ...state });
		return events.length ? [context.helpers.returnJsonArray(events)] : null;
	} finally {
		running.delete(context);
	}
}

const running = new WeakSet<IPollFunctions>();

// n8n makes one poll context when it activates a workflow and polls through it until the workflow is
// deactivated: the first poll through a context is the activation's own.
const polled = new WeakSet<IPollFunctions>();

/** Whether this poll is the first after the user activated the workflow (not a restart or update). */
function startsAfresh(context: IPollFunctions): boolean {
	const first = !polled.has(context);
	polled.add(context);
	return first && context.getActivationMode() === 'activate';
}

/**
 * Writes the state into the node's static data in place (n8n watches that object to know when to
 * save it), touching only what changed.
 */
function writeState(stored: IDataObject, state: IDataObject) {
	for (const key of Object.keys(stored)) if (!(key in state)) delete stored[key];
	for (const [key, value] of Object.entries(state)) {
		if (JSON.stringify(stored[key]) !== JSON.stringify(value)) stored[key] = value;
	}
}

function noSample(metal: ItemRequests, noun: string) {
	return metal.error(
		`No ${noun} in Metal to show as a test event`,
		`The test event is the newest matching ${noun}, so that you can map its fields. Add one in Metal (or widen the filters), then fetch again. The active trigger does not need one.`,
	);
}
