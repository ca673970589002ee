import { sleep } from 'n8n-workflow';

// One listener per signal, however many requests wait on it: a run's requests share its signal, and
// Node.js warns past ten listeners on one signal.
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `callback` once when `signal` aborts (at once if it has); returns a way to take it back. */
export function whenAborted(signal: AbortSignal, callback: () => void): () => void {
	if (signal.aborted) {
		callback();
		return () => {};
	}
	let callbacks = waiting.get(signal);
	if (callbacks === undefined) {
		const all = new Set<() => void>();
		callbacks = all;
		waiting.set(signal, all);
		signal.addEventListener('abort', () => all.forEach((call) => call()), { once: true });
	}
	callbacks.add(callback);
	return () => callbacks.delete(callback);
}

/**
 * Waits `ms`, or less when `signal` aborts first (the run stops, or the execution is cancelled).
 * Never rejects: whoever waited looks at the signal afterwards.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	// The timer's own signal ends it as soon as the pause is over, for whatever reason, so that no
	// timer outlives the run. n8n 1.x's sleep takes no signal: there the timer goes on, into nothing.
	const timer = new AbortController();
	let forget = () => {};
	const aborted = new Promise<void>((resolve) => {
		if (signal) forget = whenAborted(signal, resolve);
	});
	try {
		await Promise.race([sleep(ms, timer.signal).catch(() => {}), aborted]);
	} finally {
		forget();
		timer.abort();
	}
}
