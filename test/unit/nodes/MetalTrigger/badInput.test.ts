import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { DEAL_STAGES, DEAL_STATUSES, EVENTS } from '../../../../nodes/MetalTrigger/properties';
import { CORPUS, requiredRule, RULES, type Outcome } from '../../../helpers/corpus';
import { deal, MetalList, objectId, T0 } from '../../../helpers/metalList';
import { fetchTestEvent } from '../../../helpers/runMetalTrigger';

/** A list parameter: a list, or a text of comma-separated values, each by `rule`; empty is not set. */
const listOf =
	(options: INodePropertyOptions[]) =>
	(value: unknown): Outcome => {
		const entries =
			typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
		const outcomes = entries.map(RULES.choice(options));
		if (outcomes.some((o) => 'error' in o)) return { error: 'invalid' };
		const sent = outcomes.flatMap((o) => ('sent' in o ? [o.sent] : []));
		return sent.length ? { sent } : { omitted: true };
	};

const stageEvent = { event: 'dealStageOrStatusChanged' };

// A trigger has no input item: `$json` there is n8n's own error ("hasn't been executed").
const VALUES = CORPUS.filter(([label]) => label !== 'a missing field');

// Every value of the corpus, by expression, in each parameter of the trigger, fetched as a test
// event: a clear error naming the parameter (and item 0, as the Metal node words it) before any
// request, or a test event.
describe.each([
	['Stages', (v: string) => ({ ...stageEvent, stages: v }), listOf(DEAL_STAGES)],
	['Statuses', (v: string) => ({ ...stageEvent, statuses: v }), listOf(DEAL_STATUSES)],
	[
		'Max Events per Poll',
		(v: string) => ({ event: 'newDeal', options: { maxEvents: v } }),
		RULES.number({ min: 1, max: 10_000, integer: true }),
	],
	[
		'Overlap Window (Minutes)',
		(v: string) => ({ event: 'newDeal', options: { overlapMinutes: v } }),
		RULES.number({ min: 0, max: 1440, integer: true }),
	],
])('Metal Trigger: %s', (label, parameters, rule) => {
	it.each(VALUES)('%s', async (_, expression, value) => {
		const list = new MetalList('/v1/deals');
		list.add(deal(objectId(T0, 1), { stage: 'IC_MEETING', status: 'ACTIVE' }));

		const { output, error } = await fetchTestEvent(
			parameters(`={{ ${expression} }}`) as INodeParameters,
		);

		const outcome = rule(value);
		if ('error' in outcome) {
			const start =
				outcome.error === 'empty'
					? `The "${label}" parameter is empty in item 0`
					: `The "${label}" parameter in item 0 is `;
			expect(error?.message.startsWith(start)).toBe(true);
			expect(error?.description?.startsWith(label)).toBe(true);
			expect(list.take()).toHaveLength(0);
			return;
		}
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(list.take()).toHaveLength(1);
	});
});

// Event takes no expression (n8n passes its text as it is); an imported workflow can hold any value.
describe('Metal Trigger: Event', () => {
	it.each(CORPUS.filter(([, , value]) => value !== undefined))('%s', async (_, __, value) => {
		const list = new MetalList('/v1/deals');
		list.add(deal(objectId(T0, 1)));

		const { output, error } = await fetchTestEvent({ event: value } as INodeParameters);

		const outcome = requiredRule(RULES.choice(EVENTS))(value);
		if ('error' in outcome) {
			// An empty text is refused by n8n itself, before the node runs.
			expect(error?.message).toMatch(
				/^(The "Event" parameter (is empty in item 0|in item 0 is )|The 'Metal Trigger' node has issues)/,
			);
			expect(list.take()).toHaveLength(0);
		} else {
			expect(output).toHaveLength(1);
		}
	});
});
