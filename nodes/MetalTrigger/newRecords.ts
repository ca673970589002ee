import type { IDataObject } from 'n8n-workflow';

import type { ItemRequests } from '../Metal/transport/requests';
import { listAll } from '../Metal/transport/pagination';
import { firstIdAt, idOf, maxId, minId, nextId, secondsOf } from './objectId';

/**
 * New Deal and New Company: Metal lists records newest first by id, and an id starts with its
 * creation time. Each poll reads back to a watermark, less an overlap window for records that
 * become visible late; a bounded set of ids already emitted keeps the overlap from firing twice.
 */

/** Where the trigger stands. */
export interface Watermark {
	/** Every record with a lower id is settled: emitted, or there before the trigger started. */
	after: string;
	/** The ids from `after` up that are settled too, in order. */
	seen: string[];
}

/** A normal poll reads one short page: only records inside the overlap window are on it. */
export const FIRST_PAGE = 20;
/** The most records one poll reads back to the watermark: more fail the poll, moving nothing. */
export const BACKLOG_LIMIT = 10_000;
/** The most ids remembered; past it the oldest are dropped and the watermark moves above them. */
export const SEEN_LIMIT = 1_000;

const NO_RECORD = '0'.repeat(24);

export interface NewRecordsOptions {
	maxEvents: number;
	overlapSeconds: number;
}

/**
 * One poll: with no watermark (the trigger starts), records where it stands and emits nothing;
 * otherwise emits, oldest first, up to `maxEvents` records not seen before, and leaves any more
 * for the next poll. Throws, changing nothing, when a request fails.
 */
export async function pollNewRecords(
	metal: ItemRequests,
	list: { path: string; plural: string },
	state: Watermark | undefined,
	{ maxEvents, overlapSeconds }: NewRecordsOptions,
): Promise<{ events: IDataObject[]; state: Watermark }> {
	// The records read back include those already seen in the overlap window: the limit counts only
	// the new ones.
	const cap = state === undefined ? SEEN_LIMIT + 1 : BACKLOG_LIMIT + state.seen.length;
	const floorBelow = windowBelow(overlapSeconds, Date.now() / 1000);
	const { records, floor, complete } = await readBack(
		metal,
		list.path,
		state?.after,
		floorBelow,
		cap,
	);
	const ids = records.map(idOf).filter((id): id is string => id !== undefined);
	if (state === undefined) {
		return { events: [], state: bounded({ after: floor ?? NO_RECORD, seen: ids }) };
	}
	if (!complete) {
		const most = BACKLOG_LIMIT.toLocaleString('en-US');
		throw metal.error(
			`More than ${most} new ${list.plural} since the last poll`,
			`Nothing was emitted and the trigger has not moved, so nothing is lost. One poll reads at most ${most} new records. To skip them and start from now, deactivate the workflow and activate it again.`,
		);
	}
	const seen = new Set(state.seen);
	const fresh = records
		.filter((record) => {
			const id = idOf(record);
			return id !== undefined && !seen.has(id);
		})
		.reverse();
	const events = fresh.slice(0, maxEvents);
	let after = ids.length ? maxId(state.after, floorBelow(ids[0])) : state.after;
	// Records left for the next poll stay above the watermark.
	const waiting = fresh[maxEvents] === undefined ? undefined : idOf(fresh[maxEvents]);
	if (waiting !== undefined) after = minId(after, waiting);
	const emitted = events.map(idOf).filter((id): id is string => id !== undefined);
	return { events, state: bounded({ after, seen: [...state.seen, ...emitted] }) };
}

/**
 * The lowest id of the overlap window below the newest record, or below now when that record's id is
 * dated later (a Metal clock running fast, an imported record keeping a later id): else one such
 * record would lift the watermark above every record created after it, and the trigger go deaf.
 * Such a record stays in the window, among the ids seen, until the clock passes it.
 */
function windowBelow(overlapSeconds: number, nowSeconds: number) {
	return (newest: string) => firstIdAt(Math.min(secondsOf(newest), nowSeconds) - overlapSeconds);
}

/**
 * The records from the newest down to `after` (or, with none, to the overlap window below the
 * newest), at most `cap`. A short page first: most polls find nothing new.
 */
async function readBack(
	metal: ItemRequests,
	path: string,
	after: string | undefined,
	floorBelow: (newest: string) => string,
	cap: number,
) {
	let floor = after;
	let reached = false;
	const until = (record: IDataObject) => {
		const id = idOf(record);
		if (id === undefined) return false;
		floor ??= floorBelow(id);
		reached ||= id < floor;
		return reached;
	};
	const first = await listAll(metal, path, { max: FIRST_PAGE, until });
	if (reached || first.length < FIRST_PAGE) return { records: first, floor, complete: true };
	// One more than the cap tells whether there are more than it.
	const records = await listAll(metal, path, { max: cap + 1, until });
	return { records, floor, complete: reached || records.length <= cap };
}

/** Keeps the ids above the watermark, at most SEEN_LIMIT, moving the watermark above any dropped. */
function bounded({ after, seen }: Watermark): Watermark {
	let kept = [...new Set(seen)].filter((id) => id >= after).sort();
	if (kept.length > SEEN_LIMIT) {
		const dropped = kept.slice(0, kept.length - SEEN_LIMIT);
		after = maxId(after, nextId(dropped[dropped.length - 1]));
		kept = kept.slice(-SEEN_LIMIT);
	}
	return { after, seen: kept };
}

/** The watermark kept in the workflow's static data, if it is one. */
export function readWatermark(stored: IDataObject): Watermark | undefined {
	const { after, seen } = stored as { after?: unknown; seen?: unknown };
	if (typeof after !== 'string' || !Array.isArray(seen)) return undefined;
	const ids: unknown[] = seen;
	return ids.every((id): id is string => typeof id === 'string') ? { after, seen: ids } : undefined;
}
