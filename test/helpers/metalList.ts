import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { BASE_URL } from './runMetalNode';

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
		const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 100)));
		const lt = query.get('lt');
		return [...this.records.values()]
			.filter((record) => lt === null || (record.id as string) < lt)
			.sort((a, b) => ((a.id as string) < (b.id as string) ? 1 : -1))
			.slice(0, limit);
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
