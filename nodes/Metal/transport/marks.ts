import type { IDataObject } from 'n8n-workflow';

/**
 * What an error says about Metal's state and the item, kept beside the error rather than in it (n8n
 * copies an error's fields into what it stores and shows): read by the runner, the stop summary and
 * the operations that wait.
 */

const outcomeUnknown = new WeakSet<Error>();
const neverSent = new WeakSet<Error>();
const outOfTime = new WeakSet<Error>();

/** Metal may have acted on the failed request (created the workspace) before it failed. */
export function markOutcomeUnknown<E extends Error>(error: E): E {
	outcomeUnknown.add(error);
	return error;
}

export function isOutcomeUnknown(error: Error): boolean {
	return outcomeUnknown.has(error);
}

/** The request was given up before it was sent, because the run was stopping. */
export function markNeverSent<E extends Error>(error: E): E {
	neverSent.add(error);
	return error;
}

export function wasNeverSent(error: Error): boolean {
	return neverSent.has(error);
}

/**
 * The request gave up its retries because its caller's deadline (a wait's Max Wait) came first,
 * not because Metal kept failing for as long as a request may be retried.
 */
export function markOutOfTime<E extends Error>(error: E): E {
	outOfTime.add(error);
	return error;
}

export function ranOutOfTime(error: Error): boolean {
	return outOfTime.has(error);
}

// Items whose change was made before they failed (a workflow run started, then failed in Metal).
const doneBefore = new WeakMap<Error, { key: string; record: IDataObject }>();

/**
 * Marks the error of an item whose change was made before the item failed, such as a workflow run
 * that was started and then failed: the stop summary counts the item as done, with the record's
 * id, and with Continue On Fail its error item carries the record under `key`.
 */
export function failedAfterDone<E extends Error>(error: E, key: string, record: IDataObject): E {
	doneBefore.set(error, { key, record });
	return error;
}

/** The record an item's error carries, when the item's change was made before it failed. */
export function doneBeforeFailing(error: Error): { key: string; record: IDataObject } | undefined {
	return doneBefore.get(error);
}
