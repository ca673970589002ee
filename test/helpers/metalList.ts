import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { interceptMetal } from './metalNock';
import { BASE_URL } from './runMetalNode';

/** The Metal ID of the n-th record made: a higher n is newer, as with ObjectIds. */
export const idOf = (n: number) => `665f1c2a9b1e4a00${String(n).padStart(8, '0')}`;

/** `count` records made by `make(n)`, newest first (Metal's default order), each with its id. */
export function newestFirst(count: number, make: (n: number) => IDataObject): IDataObject[] {
	return Array.from({ length: count }, (_, i) => count - 1 - i).map((n) => ({
		id: idOf(n),
		...make(n),
	}));
}

/**
 * One page of a Metal list over `records` (any order), as the list reference documents it: newest
 * first by id with `limit` and the `lt` cursor (ids below it), or `direction=asc` with `page`.
 */
export function listPage(records: Iterable<IDataObject>, query: URLSearchParams): IDataObject[] {
	const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 100)));
	const newest = [...records].sort((a, b) => ((a.id as string) < (b.id as string) ? 1 : -1));
	if (query.get('direction') === 'asc') {
		const page = Number(query.get('page') ?? 1);
		return newest.reverse().slice((page - 1) * limit, page * limit);
	}
	const lt = query.get('lt');
	return newest.filter((record) => lt === null || (record.id as string) < lt).slice(0, limit);
}

/** A Metal list endpoint (`GET /v1/deals`, `/v1/companies`) over `records`; records each request. */
export function serveList(path: string, records: IDataObject[]) {
	return interceptMetal({
		method: 'get',
		path: new RegExp(`^${path}(\\?|$)`),
		times: 1000,
		reply: (_, __, uri) => [
			200,
			{ data: listPage(records, new URL(uri, 'http://metal').searchParams) },
		],
	});
}

type Reply = [status: number, body: object, headers?: Record<string, string>];

/** An ObjectId as Metal makes them: 4 bytes of creation time (seconds), then 8 of process and counter. */
export function objectId(seconds: number, counter: number): string {
	return (
		seconds.toString(16).padStart(8, '0') +
		'a1b2c3d4e5' +
		(counter % 0x1000000).toString(16).padStart(6, '0')
	);
}

/** 2026-11-29T10:00:00Z, the time the fixtures' records are created around. */
export const T0 = Date.parse('2026-11-29T10:00:00Z') / 1000;

/**
 * A Metal list endpoint (`GET /v1/deals`, `/v1/companies`) over records the test adds, changes and
 * deletes between polls. It answers as Metal documents: newest first by id, `limit` (1 to 1000) and
 * the `lt` cursor. It records every request, and can fail the next ones.
 */
export class MetalList {
	readonly records = new Map<string, IDataObject>();

	/** Every request, as its path and query. */
	readonly requests: string[] = [];

	readonly headers: Array<Record<string, string | string[] | undefined>> = [];

	/** What the next requests get, in order: a failure, or undefined for the list itself. */
	private next: Array<(() => Reply | Error) | undefined> = [];

	constructor(readonly path: '/v1/deals' | '/v1/companies') {
		const { requests, headers } = this;
		const answer = (uri: string) =>
			this.next.shift()?.() ?? [200, { data: this.page(new URL(uri, BASE_URL).searchParams) }];
		const held = () => this.held.shift();
		nock(BASE_URL)
			.persist()
			.get((uri) => uri === path || uri.startsWith(`${path}?`))
			// The callback form, so that a failure can be a network error rather than an answer.
			.reply(function (uri, _body, callback) {
				requests.push(uri);
				headers.push(this.req.headers);
				const hold = held();
				hold?.arrived();
				void (hold?.released ?? Promise.resolve()).then(() => {
					const reply = answer(uri);
					if (reply instanceof Error) return callback(reply, [0, {}]);
					const [status, body, replyHeaders = {}] = reply;
					callback(null, [status, body, replyHeaders]);
				});
			});
	}

	/** Adds records (or replaces those with the same id). */
	add(...records: IDataObject[]) {
		for (const record of records) this.records.set(record.id as string, record);
	}

	/** Changes fields of one record. */
	change(id: string, fields: IDataObject) {
		this.records.set(id, { ...this.records.get(id), ...fields });
	}

	delete(id: string) {
		this.records.delete(id);
	}

	/**
	 * After `after` requests answered normally, the next `times` requests get this answer (a status
	 * and body) or fail with this error.
	 */
	fail(times: number, failure: () => Reply | Error, { after = 0 } = {}) {
		this.next.push(...Array<undefined>(after).fill(undefined), ...Array(times).fill(failure));
	}

	private held: Array<{ arrived: () => void; released: Promise<void> }> = [];

	/**
	 * Holds the next request in flight until `release()`: `arrived` resolves when it comes in. The
	 * answer is read at release, so what the list holds then is what the request gets.
	 */
	holdNext() {
		let arrived = () => {};
		let release = () => {};
		const reached = new Promise<void>((resolve) => (arrived = resolve));
		const released = new Promise<void>((resolve) => (release = resolve));
		this.held.push({ arrived, released });
		return { reached, release };
	}

	/** The requests made since the last call. */
	take(): string[] {
		return this.requests.splice(0);
	}

	private page(query: URLSearchParams): IDataObject[] {
		return listPage(this.records.values(), query);
	}
}

/** A deal as Metal lists it. */
export function deal(id: string, fields: IDataObject = {}): IDataObject {
	return {
		id,
		name: `Deal ${id.slice(-6)}`,
		companyId: '665f1c2a9b1e4a0012a3b4c5',
		status: 'ACTIVE',
		stage: 'SOURCED',
		owners: [],
		...fields,
	};
}

/** A company as Metal lists it. */
export function company(id: string, fields: IDataObject = {}): IDataObject {
	return {
		id,
		canonicalName: `Company ${id.slice(-6)}`,
		website: 'https://example.com',
		createdAt: '2026-11-29T10:00:00Z',
		updatedAt: '2026-11-29T10:00:00Z',
		...fields,
	};
}
