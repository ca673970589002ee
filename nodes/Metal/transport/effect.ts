import { READ_RETRY_POLICY, WRITE_RETRY_POLICY, type RetryPolicy } from './retryPolicy';

/**
 * What an operation does to Metal, declared once per operation. It alone decides how a failed request
 * is retried, how errors word what became of the item, and the lines of the stop summary.
 */
export interface Effect {
	kind: 'read' | 'create' | 'update';
	/** What the operation acts on, as a user says it: "workspace", "deal". */
	noun: string;
}

interface EffectRules {
	policy: RetryPolicy;
	/** How a change is said in the past ("created"); reads change nothing. */
	past?: string;
	/** After an ambiguous failure: whether the node tried again, and whether the user may. */
	ambiguity?: string;
	/** The same, for the stop summary's line of items whose outcome is unknown. */
	recheck?: string;
	/** The stop summary's line of items Metal refused. */
	failed: string;
	/** The closing advice of the stop summary. */
	advice: string;
}

// The one table. A create is never sent again once Metal may have acted on it (no idempotency key
// exists); an update sets the same values however often it is sent, so it retries as a read does.
const RULES: Record<Effect['kind'], EffectRules> = {
	read: { policy: READ_RETRY_POLICY, failed: 'Failed', advice: 'Fix the cause and run the node again.' },
	create: {
		policy: WRITE_RETRY_POLICY,
		past: 'created',
		ambiguity:
			': check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
		recheck: 'check in Metal before running them again',
		failed: 'Failed, nothing created',
		advice:
			'Fix the cause, then run only the items that were not created. Retry On Fail is not needed: it would send every item again.',
	},
	update: {
		policy: READ_RETRY_POLICY,
		past: 'updated',
		ambiguity: '. Running this item again is safe: an update sends the same values again.',
		recheck: 'running them again is safe',
		failed: 'Failed, not updated',
		advice:
			'Fix the cause, then run the items that were not updated again; updating an item twice sets the same values.',
	},
};

export function retryPolicyOf(effect: Effect): RetryPolicy {
	return RULES[effect.kind].policy;
}

/** Whether a failure that leaves Metal's state unknown matters: the operation changes something. */
export function changesMetal(effect: Effect): boolean {
	return RULES[effect.kind].past !== undefined;
}

/** "No workspace was created. " before a failure that cannot have changed anything; "" for reads. */
export function notDone(effect: Effect): string {
	const { past } = RULES[effect.kind];
	if (past === undefined) return '';
	return effect.kind === 'create'
		? `No ${effect.noun} was ${past}. `
		: `The ${effect.noun} was not ${past}. `;
}

/** The sentence for a failure after which Metal may have acted, or undefined for reads. */
export function mayHaveBeenDone(effect: Effect): string | undefined {
	const { past, ambiguity } = RULES[effect.kind];
	if (past === undefined) return undefined;
	return `The ${effect.noun} may or may not have been ${past}${ambiguity}`;
}

/** The labels of the stop summary's lines, from the effect alone. */
export function summaryWords(effect: Effect) {
	const { past, recheck, failed, advice } = RULES[effect.kind];
	if (past === undefined) {
		return { done: 'Done', unknown: undefined, failed, notSent: 'Not run', advice };
	}
	return {
		done: past[0].toUpperCase() + past.slice(1),
		unknown: `May or may not have been ${past} (${recheck})`,
		failed,
		notSent: `Not ${past} (never sent, or rate-limited and not sent again)`,
		advice,
	};
}
