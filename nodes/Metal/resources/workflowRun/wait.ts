import type { IDataObject } from 'n8n-workflow';

import { isMetalId } from '../../fields/values';
import type { ItemRequests } from '../../transport/requests';
import { failedAfterDone, ranOutOfTime } from '../../transport/marks';

/** Under this key, the error item of a run that failed or was not waited out carries the run. */
export const RUN_KEY = 'run';

const CHECK_LATER =
	'Check it later with Workflow Run → Get and its ID rather than starting it again.';

/** One workflow run, as Metal has it now. */
export async function readRun(metal: ItemRequests, id: string): Promise<IDataObject> {
	return await metal.one({
		method: 'GET',
		path: `/v1/workflow-runs/${id}`,
	});
}

export interface Waiting {
	/** Between the end of one look at the run and the next. */
	intervalMs: number;
	/** From the start's answer; the last look is at this time at the latest. */
	maxWaitMs: number;
}

/**
 * Follows a started run (`again`: asked to run again, by Retry or Rerun, so that the answer's own
 * status may be the run's before) until Metal reports it final (completed, failed or cancelled, in any case,
 * as Metal's own sample compares them): resolves to the completed run. A failed or cancelled run,
 * Max Wait running out and a look that fails are errors of the item that carry the run as last
 * seen. The run of the node stopping or cancelled ends the wait at once: the item is the run as
 * last seen, since it was started all the same. Each look is a read (retried like one) and goes
 * through the run's rate-limit gate; the item keeps its place among the runner's workers while it
 * waits, so no more runs are followed at once than Max Concurrent Requests.
 */
export async function waitForRun(
	started: IDataObject,
	metal: ItemRequests,
	{ intervalMs, maxWaitMs }: Waiting,
	{ again = false }: { again?: boolean } = {},
): Promise<IDataObject> {
	const id = runIdOf(started, metal);
	const deadline = Date.now() + maxWaitMs;
	// Each look is retried only until Max Wait: a look near it cannot overrun it by its retries.
	const look = metal.read.until(deadline);
	let run = started;
	// A run asked to run again may be answered as it was (failed, completed): only looks judge it.
	let judge = !again;
	for (; ; judge = true) {
		const status = typeof run.status === 'string' ? run.status.toLowerCase() : undefined;
		if (judge && status === 'completed') return run;
		if (judge && (status === 'failed' || status === 'cancelled')) {
			throw endedError(metal, id, status, run);
		}
		const left = deadline - Date.now();
		if (left <= 0) throw stillRunningError(metal, id, maxWaitMs, run);
		await metal.pause(Math.min(intervalMs, left));
		try {
			run = await readRun(look, id);
		} catch (error) {
			// The look was not sent because the run is stopping, or was cut by a cancelled execution.
			if (metal.stopping()) return run;
			if (ranOutOfTime(error as Error)) {
				throw stillRunningError(metal, id, maxWaitMs, run, (error as Error).message);
			}
			const lost = error as Error & { description?: string };
			lost.description = `The workflow run ${id} was started, but the node could not follow it. ${CHECK_LATER}${lost.description ? `\n${lost.description}` : ''}`;
			throw failedAfterDone(lost, RUN_KEY, run);
		}
	}
}

/** The started run's ID, checked before it goes into a path. */
function runIdOf(run: IDataObject, metal: ItemRequests): string {
	if (isMetalId(run.id)) return run.id;
	const error = metal.error(
		'Metal started the workflow run but answered without its ID',
		'The node cannot wait for a run it cannot name. Check the run in Metal, and that the Base URL in the Metal API credential points at the Metal API.',
	);
	throw failedAfterDone(error, RUN_KEY, run);
}

function endedError(metal: ItemRequests, id: string, status: string, run: IDataObject) {
	const error =
		status === 'failed'
			? metal.error(
					`The workflow run ${id} failed`,
					'Metal reports the run as failed. See why in Metal, fix the cause (often the input), then start a new run.',
				)
			: metal.error(
					`The workflow run ${id} was cancelled`,
					'Metal reports the run as cancelled: it was stopped in Metal before it finished. Start a new run if its result is still needed.',
				);
	return failedAfterDone(error, RUN_KEY, run);
}

/** Max Wait ran out: `lastLook` is why the last look, retried until then, got no answer. */
function stillRunningError(
	metal: ItemRequests,
	id: string,
	maxWaitMs: number,
	run: IDataObject,
	lastLook?: string,
) {
	const status = typeof run.status === 'string' ? ` (status "${run.status}")` : '';
	const failed = lastLook === undefined ? '' : ` The last look at it failed: ${lastLook}.`;
	const error = metal.error(
		`The workflow run ${id} is still running after ${duration(maxWaitMs)}${status}`,
		`The node stopped waiting at Max Wait; the run goes on in Metal.${failed} ${CHECK_LATER} To wait longer, raise Max Wait.`,
	);
	return failedAfterDone(error, RUN_KEY, run);
}

function duration(ms: number): string {
	const minutes = ms / 60_000;
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
