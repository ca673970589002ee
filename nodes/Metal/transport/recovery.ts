/**
 * How the pace comes back after a wave of 429s (see Pace): how far it drops, and the curve along
 * which it climbs back to the rate Metal accepted and then probes above it. Kept apart because
 * these are the tuned numbers and the one formula they feed: the pace only asks where the curve
 * stands.
 */

/** After a wave of 429s, the pace drops to this share of the rate Metal accepted. */
export const DECREASE = 0.85;
/**
 * How the pace climbs back after a wave: in `seconds` to `plateau` of the rate Metal accepted, then
 * upwards by `probe` of it per second, plus a cubic that alone would add the whole of it in
 * `cubicSeconds`: little at first, so a run that found the limit stays just under it, then more, so
 * that a rate measured too low (a run slowed by its own machine, a limit that rose) is not kept for
 * long. A wave the whole run waits for (a Retry-After, or a backoff after waves in a row) costs the
 * run that wait, so the pace then settles further below the limit and probes more slowly; a wave
 * the run goes on through costs only the lower pace, so it may probe sooner.
 */
export const RECOVERY = {
	waited: { seconds: 3, plateau: 0.9, probe: 0.005, cubicSeconds: 30 },
	paced: { seconds: 2, plateau: 1, probe: 0.03, cubicSeconds: 6 },
};

/** Whether the whole run waited for the last wave ('waited') or went on at the pace ('paced'). */
export type WaveKind = keyof typeof RECOVERY;

/**
 * The pace after a wave, as a share of the ceiling, `t` seconds on: from DECREASE to the plateau
 * along a cubic (fast at first, flat near the plateau), then upwards, slowly at first and faster the
 * longer no wave comes.
 */
export function recovered(
	t: number,
	{ seconds, plateau, probe, cubicSeconds }: typeof RECOVERY.waited,
): number {
	const above = t - seconds;
	if (above >= 0) return plateau + probe * above + (above / cubicSeconds) ** 3;
	return plateau - (plateau - DECREASE) * (1 - t / seconds) ** 3;
}
