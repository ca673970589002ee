import type { IDataObject } from 'n8n-workflow';

import { interceptMetal } from './metalNock';

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
 * A Metal list endpoint (`GET /v1/deals`, `/v1/companies`) over `records` (newest first), as the
 * list reference documents it: `limit`, the `lt` cursor (ids below it), and `page` with
 * `direction=asc` for oldest first. Records each request.
 */
export function serveList(path: string, records: IDataObject[]) {
	return interceptMetal({
		method: 'get',
		path: new RegExp(`^${path}(\\?|$)`),
		times: 1000,
		reply: (_, __, uri) => {
			const query = new URL(uri, 'http://metal').searchParams;
			const limit = Number(query.get('limit') ?? 100);
			if (query.get('direction') === 'asc') {
				const page = Number(query.get('page') ?? 1);
				const oldest = [...records].reverse();
				return [200, { data: oldest.slice((page - 1) * limit, page * limit) }];
			}
			const lt = query.get('lt');
			const from = lt ? records.filter((record) => String(record.id) < lt) : records;
			return [200, { data: from.slice(0, limit) }];
		},
	});
}
