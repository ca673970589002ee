import { expectOutcome, type Outcome } from './corpus';
import type { RecordedRequest } from './metalNock';
import type { NodeRun } from './runMetalNode';

/**
 * Tables of awkward values for the kinds of parameter the shared corpus has no rule for (dates,
 * lists, groups of fields). Each row states what the node must do with its value: send exactly
 * `sent`, leave the field out, or refuse the item before anything is sent with an error whose
 * message starts with `error` (naming the parameter and the item).
 */
export type TableOutcome = { sent: unknown } | { omitted: true } | { error: string };

export type TableRow = [label: string, value: unknown, outcome: TableOutcome];

export const sent = (value: unknown): TableOutcome => ({ sent: value });
export const omitted: TableOutcome = { omitted: true };
export const refused = (message: string): TableOutcome => ({ error: message });

/** Checks one run against its row's outcome. `field` picks the field from the body sent. */
export function expectTableOutcome(
	outcome: TableOutcome,
	run: NodeRun,
	requests: RecordedRequest[],
	field: (body: Record<string, unknown>) => unknown,
) {
	if (!('error' in outcome)) {
		expectOutcome(outcome, run, requests, { label: '', field });
		return;
	}
	const { error } = run;
	expect(error?.message.slice(0, outcome.error.length)).toBe(outcome.error);
	expect(error?.message).toMatch(/ in item 0\b/);
	expect(error?.description).toBeTruthy();
	expect(requests).toHaveLength(0);
}

/**
 * `expectOutcome` for a value that is the only field of an update: a value left out leaves nothing
 * to change, so the item is refused before anything is sent.
 */
export function expectUpdateOutcome(
	outcome: Outcome,
	run: NodeRun,
	requests: RecordedRequest[],
	check: { label: string; field: (body: Record<string, unknown>) => unknown },
) {
	if ('omitted' in outcome) {
		expect(run.error?.message).toBe('Nothing to change in item 0: Update Fields is empty');
		expect(requests).toHaveLength(0);
		return;
	}
	expectOutcome(outcome, run, requests, check);
}
