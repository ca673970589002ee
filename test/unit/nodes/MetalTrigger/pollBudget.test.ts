import nock from 'nock';

import { startLocalServer, type LocalServer } from '../../../helpers/localServer';
import { CREDENTIALS } from '../../../helpers/runMetalNode';
import { ActiveTrigger } from '../../../helpers/runMetalTrigger';

// A real server and a real clock: the Retry-After is honoured, or not, in real seconds.
beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

const DEAL = { id: '6660aa000000000000000001', name: 'Falcon' };

/** Metal listing one deal, then answering every later request 429 with `retryAfter`. */
async function limitedAfterActivation(retryAfter: string): Promise<LocalServer> {
	let answered = 0;
	return await startLocalServer((req, res) => {
		answered++;
		if (answered === 1 || (retryAfter === '2' && answered === 3)) {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ data: [DEAL] }));
			return;
		}
		res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter });
		res.end(JSON.stringify({ error: 'rate limit exceeded' }));
	});
}

describe('Metal Trigger: a failing poll ends within the poll budget', () => {
	let server: LocalServer | undefined;
	afterEach(async () => await server?.close());

	it('a Retry-After beyond the budget (110 s) ends the poll at once, moving nothing', async () => {
		server = await limitedAfterActivation('110');
		const trigger = new ActiveTrigger(
			{ event: 'newDeal' },
			{ ...CREDENTIALS, baseUrl: server.url },
		);
		await trigger.activate();
		const before = trigger.staticData;
		const started = performance.now();

		const { error, events } = await trigger.poll();

		expect(performance.now() - started).toBeLessThan(5_000);
		expect(server.requests).toHaveLength(2);
		expect(events).toBeUndefined();
		expect(error?.message).toBe(
			"Metal's rate limit was still exceeded after 1 try: rate limit exceeded",
		);
		expect(
			(error as { description?: string }).description?.startsWith(
				'Metal asked to wait 110 seconds before the next request.',
			),
		).toBe(true);
		expect(trigger.staticData).toEqual(before);
	}, 30_000);

	it('a Retry-After within the budget (2 s) is waited out, and the poll goes on', async () => {
		server = await limitedAfterActivation('2');
		const trigger = new ActiveTrigger(
			{ event: 'newDeal' },
			{ ...CREDENTIALS, baseUrl: server.url },
		);
		await trigger.activate();
		const started = performance.now();

		const { error } = await trigger.poll();

		expect(error).toBeUndefined();
		expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
		expect(server.requests).toHaveLength(3);
	}, 30_000);
});
