import type { INodeExecutionData } from 'n8n-workflow';

import { changesMetal, summaryWords, type Effect } from '../transport/effect';
import type { NodeError } from '../transport/errors';
import { doneBeforeFailing, isOutcomeUnknown } from '../transport/marks';

/**
 * Adds to the first failure's error what became of every item, so that the user can re-run exactly
 * the rest. For operations that change Metal, it names the ids of what was created or updated and
 * the items whose outcome is unknown; the words come from the operation's effect.
 */
export function withStopSummary(
	failures: Map<number, NodeError>,
	outputs: INodeExecutionData[][],
	effect: Effect,
): NodeError {
	const [[firstIndex, first], ...others] = [...failures];
	const withIds = changesMetal(effect);
	const done: string[] = [];
	const unknown: number[] = [];
	const failed: number[] = [];
	const notSent: number[] = [];
	for (let itemIndex = 0; itemIndex < outputs.length; itemIndex++) {
		const error = failures.get(itemIndex);
		// A change made before the item failed (a run started, then failed) counts as done.
		const doneFirst = error && doneBeforeFailing(error);
		const items = doneFirst ? [{ json: doneFirst.record }] : outputs[itemIndex];
		if (items !== undefined) {
			const ids = withIds ? items.map((item) => item.json.id).filter((id) => id !== undefined) : [];
			done.push(ids.length ? `${itemIndex} (id ${ids.join(', ')})` : String(itemIndex));
		} else if (error === undefined) {
			notSent.push(itemIndex);
		} else if (isOutcomeUnknown(error)) {
			unknown.push(itemIndex);
		} else {
			failed.push(itemIndex);
		}
	}
	const words = summaryWords(effect);
	const listed = (list: number[]) => (list.length ? ranges(list) : 'none');
	const lines = [
		`${words.done}: ${done.length ? (withIds ? done.join('; ') : ranges(done.map(Number))) : 'none'}.`,
		...(words.unknown
			? [
					unknown.length ? `${words.unknown}: ${ranges(unknown)}.` : '',
					failed.length ? `${words.failed}: ${ranges(failed)}.` : '',
				]
			: [`${words.failed}: ${ranges([...unknown, ...failed].sort((a, b) => a - b))}.`]),
		`${words.notSent}: ${listed(notSent)}.`,
		words.advice,
	];
	first.description = [
		first.description ?? '',
		'',
		`The run stopped at item ${firstIndex}.`,
		...others.map(([itemIndex, error]) => `Item ${itemIndex} failed too: ${error.message}`),
		...lines.filter((line) => line !== ''),
	]
		.join('\n')
		.trim();
	return first;
}

/** 0,1,2,5,7,8 → "0–2, 5, 7–8": a stop on a 5,000-item run stays readable. */
function ranges(indexes: number[]): string {
	const parts: string[] = [];
	for (let start = 0; start < indexes.length; ) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		parts.push(end === start ? `${indexes[start]}` : `${indexes[start]}–${indexes[end]}`);
		start = end + 1;
	}
	return parts.join(', ');
}
