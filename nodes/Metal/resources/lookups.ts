import { deepCopy, type IDataObject } from 'n8n-workflow';

import type { RecordRef } from '../fields/locator';
import { isMetalId } from '../fields/values';
import type { ItemRequests } from '../transport/requests';

/**
 * A record by the external ID Metal keeps for it (`GET <path>/externalId=<the ID, URL-encoded>`),
 * asked once per run however many items name it: a sync whose rows name one company twice looks it
 * up once, and its items share the answer (each its own copy), or the failure.
 */
export async function recordByExternalId(
	metal: ItemRequests,
	path: string,
	externalId: string,
): Promise<IDataObject> {
	const asked = metal.runState(`externalId ${path}`, () => new Map<string, Promise<IDataObject>>());
	let record = asked.get(externalId);
	if (record === undefined) {
		record = metal.one({
			method: 'GET',
			path: `${path}/externalId=${encodeURIComponent(externalId)}`,
		});
		asked.set(externalId, record);
	}
	// A copy for each item: a later node that edits one item must not change its siblings.
	return deepCopy(await record);
}

/**
 * The Metal ID of the record an item names: as given, or looked up by its external ID first (a
 * look-up on the way to a change: when it fails, the change is not sent, and its error says so).
 */
export async function metalIdOf(
	ref: RecordRef,
	metal: ItemRequests,
	path: string,
): Promise<string> {
	if (ref.by === 'id') return ref.id;
	const record = await recordByExternalId(metal.lookup, path, ref.externalId);
	if (isMetalId(record.id)) return record.id;
	throw metal.lookup.unexpected(
		`Metal ID of the record with external ID "${ref.externalId}"`,
		record,
	);
}
