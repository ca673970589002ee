import { sleep } from 'n8n-workflow';

/**
 * Waits `ms`, or less when `signal` aborts first (the run stops, or the execution is cancelled).
 * Never rejects: whoever waited looks at the signal afterwards.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal === undefined) return await sleep(ms);
	if (signal.aborted) return;
	let onAbort = () => {};
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		// n8n 2.x ends the sleep on abort (and rejects); n8n 1.x ignores the signal: the race serves both.
		await Promise.race([sleep(ms, signal).catch(() => undefined), aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
