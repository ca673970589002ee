import type { IDataObject } from 'n8n-workflow';

import type { ItemRequests } from '../Metal/transport/requests';
import { listAll } from '../Metal/transport/pagination';
import { idOf } from './objectId';
import {
	decode,
	encode,
	keyOf,
	readSnapshot,
	samePair,
	type Snapshot,
	type StageStatus,
} from './snapshot';

/**
 * Deal Stage or Status Changed: deals carry no updatedAt, so each poll reads the whole deal list
 * (⌊deals / 1000⌋ + 1 requests) and compares every deal with the snapshot of the poll before.
 */

export const DEALS_PATH = '/v1/deals';

/** The newest deals watched: 20 requests and about 160 KB of static data at the most. */
export const WATCH_LIMIT = 20_000;

export interface DealFilter {
	/** Only changes after which the deal is in one of these stages (all when undefined). */
	stages?: string[];
	statuses?: string[];
}

/** What the trigger keeps: the snapshot, and where to resume when a poll left changes over. */
export interface DealWatch extends Snapshot {
	/** The id of the last change emitted by a poll that had more than it could emit. */
	resume?: string;
}

interface Change {
	id: string;
	key: string;
	deal: IDataObject;
	before: StageStatus;
}

export function pairOf(deal: IDataObject): StageStatus {
	const text = (value: unknown) => (typeof value === 'string' ? value : null);
	return [text(deal.stage), text(deal.status)];
}

export function matches({ stages, statuses }: DealFilter, [stage, status]: StageStatus): boolean {
	return (
		(stages === undefined || (stage !== null && stages.includes(stage))) &&
		(statuses === undefined || (status !== null && statuses.includes(status)))
	);
}

/**
 * One poll: with no snapshot (the trigger starts), records every deal and emits nothing; otherwise
 * emits `{ deal, previousStage, previousStatus }` for each deal whose stage or status differs from
 * the snapshot and passes the filter, in id order, at most `maxEvents`. A change left over keeps
 * its old pair in the snapshot, so the next poll finds it again (with its real previous values).
 */
export async function pollStageChanges(
	metal: ItemRequests,
	state: DealWatch | undefined,
	filter: DealFilter,
	maxEvents: number,
): Promise<{ events: IDataObject[]; state: DealWatch }> {
	const deals = await listAll(metal, DEALS_PATH, { max: WATCH_LIMIT });
	const current = byKey(deals);
	const next = new Map<string, StageStatus>();
	for (const [key, { deal }] of current) next.set(key, pairOf(deal));
	if (state === undefined) return { events: [], state: encode(next) };

	const before = decode(state);
	const changes: Change[] = [];
	for (const [key, { id, deal }] of current) {
		const old = before.get(key);
		const now = next.get(key) as StageStatus;
		if (old !== undefined && !samePair(old, now) && matches(filter, now)) {
			changes.push({ id, key, deal, before: old });
		}
	}
	const ordered = inOrder(changes, state.resume);
	const emitted = ordered.slice(0, maxEvents);
	const left = ordered.slice(maxEvents);
	for (const change of left) next.set(change.key, change.before);
	const resume = left.length ? emitted[emitted.length - 1].id : undefined;
	return {
		events: emitted.map(({ deal, before: [previousStage, previousStatus] }) => ({
			deal,
			previousStage,
			previousStatus,
		})),
		state: { ...encode(next), ...(resume ? { resume } : {}) },
	};
}

/**
 * Deals by key. Two deals whose ids share a key are both left out, so one is never taken for the
 * other.
 */
function byKey(deals: IDataObject[]) {
	const found = new Map<string, { id: string; deal: IDataObject }>();
	const shared = new Set<string>();
	for (const deal of deals) {
		const id = idOf(deal);
		if (id === undefined) continue;
		const key = keyOf(id);
		if (found.has(key)) shared.add(key);
		found.set(key, { id, deal });
	}
	for (const key of shared) found.delete(key);
	return found;
}

/** Oldest deal first; after a poll that left changes over, from the deal after the last emitted. */
function inOrder(changes: Change[], resume: string | undefined): Change[] {
	const sorted = [...changes].sort((a, b) => (a.id < b.id ? -1 : 1));
	if (resume === undefined) return sorted;
	return [...sorted.filter((c) => c.id > resume), ...sorted.filter((c) => c.id <= resume)];
}

/** The watch kept in the workflow's static data, if it is one. */
export function readDealWatch(stored: IDataObject): DealWatch | undefined {
	const snapshot = readSnapshot(stored);
	if (snapshot === undefined) return undefined;
	return typeof stored.resume === 'string' ? { ...snapshot, resume: stored.resume } : snapshot;
}
