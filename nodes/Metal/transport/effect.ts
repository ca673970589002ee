import { READ_RETRY_POLICY, WRITE_RETRY_POLICY, type RetryPolicy } from './retryPolicy';

/**
 * What an operation does to Metal, declared once per operation. It alone decides how a failed request
 * is retried, how errors word what became of the item, and the lines of the stop summary.
 */
export interface Effect {
	/**
	 * `findOrCreate` looks for the record first and creates it only when it is missing: a create for
	 * retries and errors, "created or found" in the stop summary.
	 */
	kind: 'read' | 'create' | 'update' | 'findOrCreate';
	/** What the operation acts on, as a user says it: "workspace", "deal". */
	noun: string;
	/** How the change is said in the past, when not the kind's own word: a workflow run is "started". */
	past?: string;
	/**
	 * For a read on the way to a change (a look-up by external ID before an update, the search of
	 * Create or Get): that change, which its failure says was not made.
	 */
	before?: Effect;
	/**
	 * For an update that sets no values (a run cancelled): why doing it twice is safe, when not
	 * because it sets the same values.
	 */
	twice?: string;
}

interface EffectRules {
	policy: RetryPolicy;
	/** How a change is said in the past ("created"); reads change nothing. */
	past?: string;
	/** The label of the stop summary's line of items done, when not the past participle. */
	done?: string;
	/** Before a failure that cannot have changed anything (`{noun}`, `{past}` filled in). */
	notDone?: string;
	/** After an ambiguous failure: what the user should do (`{past}` stands for the participle). */
	ambiguity?: string;
	/** The same, for the stop summary's line of items whose outcome is unknown. */
	recheck?: string;
	/** The stop summary's line of items Metal refused. */
	failed: string;
	/** The closing advice of the stop summary. */
	advice: string;
}

const CREATE = {
	policy: WRITE_RETRY_POLICY,
	past: 'created',
	notDone: 'No {noun} was {past}. ',
	ambiguity:
		': check in Metal before running this item again. The node does not retry it by itself, so that it is never {past} twice.',
	recheck: 'check in Metal before running them again',
	failed: 'Failed, nothing {past}',
	advice:
		'Fix the cause, then run only the items that were not {past}. Retry On Fail is not needed: it would send every item again.',
};

// The one table. A create is never sent again once Metal may have acted on it (no idempotency key
// exists); an update sets the same values however often it is sent, so it retries as a read does.
const RULES: Record<Effect['kind'], EffectRules> = {
	read: {
		policy: READ_RETRY_POLICY,
		failed: 'Failed',
		advice: 'Fix the cause and run the node again.',
	},
	create: CREATE,
	findOrCreate: { ...CREATE, done: 'Created or found' },
	update: {
		policy: READ_RETRY_POLICY,
		past: 'updated',
		notDone: 'The {noun} was not {past}. ',
		ambiguity: '. Running this item again is safe: {again}.',
		recheck: 'running them again is safe',
		failed: 'Failed, not {past}',
		advice: 'Fix the cause, then run the items that were not {past} again; {twice}.',
	},
};

/** The participle of the effect's change, and a template filler for it. */
function wording(effect: Effect) {
	const rules = RULES[effect.kind];
	const past = rules.past === undefined ? undefined : (effect.past ?? rules.past);
	const filled: Record<string, string> = {
		noun: effect.noun,
		past: past ?? '',
		again: effect.twice ?? 'an update sends the same values again',
		twice: effect.twice ?? 'updating an item twice sets the same values',
	};
	const fill = (text = '') => text.replace(/\{(\w+)\}/g, (_, key: string) => filled[key]);
	return { rules, past, fill };
}

export function retryPolicyOf(effect: Effect): RetryPolicy {
	return RULES[effect.kind].policy;
}

/** Whether a failure that leaves Metal's state unknown matters: the operation changes something. */
export function changesMetal(effect: Effect): boolean {
	return RULES[effect.kind].past !== undefined;
}

/**
 * "No workspace was created. " before a failure that cannot have changed anything; for a read, ""
 * or what its failure left undone.
 */
export function notDone(effect: Effect): string {
	if (effect.before) return notDone(effect.before);
	const { rules, fill } = wording(effect);
	return fill(rules.notDone);
}

/** The sentence for a failure after which Metal may have acted, or undefined for reads. */
export function mayHaveBeenDone(effect: Effect): string | undefined {
	const { rules, past, fill } = wording(effect);
	if (past === undefined) return undefined;
	return `The ${effect.noun} may or may not have been ${past}${fill(rules.ambiguity)}`;
}

/** The labels of the stop summary's lines, from the effect alone. */
export function summaryWords(effect: Effect) {
	const { rules, past, fill } = wording(effect);
	const failed = fill(rules.failed);
	const advice = fill(rules.advice);
	if (past === undefined) {
		return { done: 'Done', unknown: undefined, failed, notSent: 'Not run', advice };
	}
	return {
		done: rules.done ?? past[0].toUpperCase() + past.slice(1),
		unknown: `May or may not have been ${past} (${rules.recheck})`,
		failed,
		notSent: `Not ${past} (never sent, or rate-limited and not sent again)`,
		advice,
	};
}
