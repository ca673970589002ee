import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { BASE_URL } from './runMetalNode';

export interface RecordedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

type Reply = [status: number, body?: unknown, headers?: Record<string, string>];

/**
 * Intercepts `times` requests to one Metal endpoint, records each exactly as it arrived, and answers
 * with `reply(body, index)`, which may be async (to hold a request in flight).
 */
export function interceptMetal(options: {
	method?: 'get' | 'post' | 'put';
	path: string | RegExp;
	times?: number;
	baseUrl?: string;
	reply: (body: unknown, index: number, path: string) => Reply | Promise<Reply>;
}): RecordedRequest[] {
	const recorded: RecordedRequest[] = [];
	const scope = nock(options.baseUrl ?? BASE_URL);
	const interceptor = scope[options.method ?? 'post'](options.path);
	interceptor.times(options.times ?? 1).reply(async function (path, body) {
		const index = recorded.length;
		recorded.push({ method: this.req.method, path, headers: this.req.headers, body });
		return await options.reply(body, index, path);
	});
	return recorded;
}

/** A workspace as Metal answers it, for the body `{ name, company?, isPrivate? }` that created it. */
export function workspaceFor(body: unknown, index: number) {
	const fields = body as { name: string; company?: string; isPrivate?: boolean };
	return {
		id: `665f1c2a9b1e4a0012a3b${String(index).padStart(3, '0')}`,
		source: 'api',
		isPersonal: false,
		isPrivate: false,
		...fields,
		createdAt: '2026-11-29T10:00:00.000Z',
		updatedAt: '2026-11-29T10:00:00.000Z',
	};
}

export const created = (body: unknown, index: number): Reply => [
	201,
	{ data: workspaceFor(body, index) },
];

/**
 * Wraps a reply so that each request stays in flight for 20 ms, counting how many are in flight at
 * once: `most()` is the peak, what a cap on concurrent requests must bound.
 */
export function inFlightCounter(reply: (body: unknown, index: number) => Reply) {
	let inFlight = 0;
	let most = 0;
	return {
		most: () => most,
		reply: async (body: unknown, index: number): Promise<Reply> => {
			inFlight++;
			most = Math.max(most, inFlight);
			await sleep(20);
			inFlight--;
			return reply(body, index);
		},
	};
}
