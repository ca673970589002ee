import nock from 'nock';

import { runProbe, thing, THING_ID } from '../../../../helpers/probe';
import { CREDENTIALS } from '../../../../helpers/runMetalNode';
import {
	json,
	redirect,
	startLocalServer,
	trickle,
	type LocalServer,
} from '../../../../helpers/localServer';

// A real server on 127.0.0.1: nock's emulated sockets hide what these tests look for.
beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => nock.disableNetConnect());

let servers: LocalServer[] = [];
afterEach(async () => {
	await Promise.all(servers.map(async (server) => await server.close()));
	servers = [];
});
async function serve(handler: Parameters<typeof startLocalServer>[0]) {
	const server = await startLocalServer(handler);
	servers.push(server);
	return server;
}
const at = (server: LocalServer) => ({ ...CREDENTIALS, baseUrl: server.url });

describe('Timeout is a deadline for the whole exchange', () => {
	it('an answer that trickles in byte by byte ends at Timeout: a create may or may not exist', async () => {
		// 100 bytes at one every 50 ms would take 5 s; no gap is long enough for an idle timeout.
		const server = await serve(trickle(201, { data: { id: THING_ID, pad: 'x'.repeat(70) } }, 50));
		const started = performance.now();

		const { error } = await runProbe('create', {
			parameters: { name: 'A', options: { timeout: 400 } },
			credentials: at(server),
		});

		const elapsed = performance.now() - started;
		expect(server.requests).toHaveLength(1);
		expect(error?.message).toBe('Metal did not answer within 400 ms');
		expect(error?.description?.split('\n')).toEqual(
			expect.arrayContaining([
				'The thing may or may not have been created: check in Metal before running this item again. The node does not retry it by itself, so that it is never created twice.',
				'May or may not have been created (check in Metal before running them again): 0.',
			]),
		);
		expect(elapsed).toBeLessThan(2_500);
	});

	it('a read that trickles is tried again, each try within its deadline', async () => {
		let calls = 0;
		const server = await serve((req, res, body) => {
			calls++;
			const handler =
				calls === 1
					? trickle(200, { data: { id: THING_ID, pad: 'x'.repeat(70) } }, 50)
					: json(200, { data: { id: THING_ID } });
			handler(req, res, body);
		});

		const { output } = await runProbe('get', {
			parameters: { thingId: thing, options: { timeout: 300 } },
			credentials: at(server),
		});

		expect(server.requests).toHaveLength(2);
		expect(output).toEqual([{ json: { id: THING_ID }, pairedItem: { item: 0 } }]);
	});
});

describe('redirects are not followed: the key stays at the Base URL', () => {
	it.each([301, 302, 303, 307, 308])('%i to another port: nothing reaches it', async (status) => {
		const elsewhere = await serve(json(201, { data: { id: THING_ID } }));
		const server = await serve(redirect(status, `${elsewhere.url}/v1/things`));

		const { error } = await runProbe('create', {
			parameters: { name: 'A' },
			credentials: at(server),
		});

		expect(server.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
		expect(error?.message).toBe(
			`The Base URL redirects elsewhere (${status} to ${elsewhere.url}/v1/things)`,
		);
	});
});

describe("a caller's deadline (a wait's Max Wait) bounds a request's retries by the clock", () => {
	it('a look that times out near the deadline is not tried again past it, however long its try took', async () => {
		// Metal never answers: each try takes its whole Timeout (1 s), and the deadline is 1.5 s away.
		const server = await serve(() => {});
		const started = performance.now();

		const { error } = await runProbe('getUntil', {
			parameters: { thingId: thing, options: { timeout: 1000 } },
			credentials: at(server),
		});

		// The backoff after the first try (0.5 s at least) would start the next past the deadline.
		expect(server.requests).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(1500 + 1000);
		expect(error?.message).toBe('Metal did not answer within 1000 ms');
	});
});
