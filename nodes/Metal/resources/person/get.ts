import { deepCopy, type IDataObject, type NodeApiError } from 'n8n-workflow';

import { defineOperation } from '../../engine/operation';
import { list } from '../../fields/kit';
import { required } from '../../fields/parameters';
import { parseMetalId } from '../../fields/values';
import { notFoundOf } from '../../transport/notFound';
import { pause } from '../../transport/pause';
import type { ItemRequests } from '../../transport/requests';

const PEOPLE = '/v1/people';

/**
 * The most IDs one request asks for. Metal documents `GET /v1/people/ids={ids}` without its list
 * format or a maximum: the IDs go comma-separated, 50 at a time (1.3 KB of path).
 */
export const IDS_PER_REQUEST = 50;

const personIds = required(
	list(
		{
			displayName: 'Person IDs',
			name: 'personIds',
			placeholder: 'e.g. 665f1c2a9b1e4a0012a3b4c5, 665f1c2a9b1e4a0012a3b4c6',
			description:
				"The Metal IDs of the people to get, separated by commas, or a list from an expression. The node asks Metal for the IDs of many items together, a request per 50 IDs, and outputs each person paired with the item that asked. To find a person's ID by name, use Person → Search.",
		},
		parseMetalId,
	),
);

export const get = defineOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get people',
		description:
			'Get one or more people by their Metal IDs: names, email, title, company, LinkedIn URL, phone number and location. One output item per person, in the order of the IDs. An ID Metal does not have is an error for its item.',
	},
	effect: { kind: 'read', noun: 'person' },
	fields: [personIds],
	prepare: (read) => [...new Set(read(personIds).map((id) => id.toLowerCase()))],
	send: async (ids, metal) => {
		const people = metal.runState('person.get', () => new PeopleByIds());
		const found = await Promise.all(ids.map(async (id) => await people.get(id, metal)));
		const missing = ids.filter((_, index) => found[index] === undefined);
		if (missing.length > 0) throw notFound(metal, missing);
		// A copy for each item: a later node that edits one item must not change its siblings.
		return (found as IDataObject[]).map((person) => deepCopy(person));
	},
});

function notFound(metal: ItemRequests, missing: string[]) {
	if (missing.length === 1) {
		const { message, description } = notFoundOf(`${PEOPLE}/${missing[0]}`, '');
		return metal.error(message, description);
	}
	return metal.error(
		`Metal has no people with the IDs ${missing.map((id) => `"${id}"`).join(', ')}`,
		"Check the IDs: they may be mistyped, or belong to people of another organization than the API key's. Find the people with Person → Search.",
	);
}

interface Asked {
	id: string;
	metal: ItemRequests;
	settle(person: IDataObject | undefined, error?: unknown): void;
}

/**
 * The people of one run, asked for together: the IDs that items ask for while the run's requests
 * start (the runner starts up to Max Concurrent Requests items at once) go in one request per 50,
 * each ID once whichever items name it. Each answer is matched back by the people's `id`.
 */
class PeopleByIds {
	private readonly known = new Map<string, Promise<IDataObject | undefined>>();

	private waiting: Asked[] = [];

	async get(id: string, metal: ItemRequests): Promise<IDataObject | undefined> {
		let person = this.known.get(id);
		if (person === undefined) {
			person = new Promise((resolve, reject) => {
				const settle = (found: IDataObject | undefined, error?: unknown) =>
					error === undefined ? resolve(found) : reject(error);
				this.waiting.push({ id, metal, settle });
			});
			this.known.set(id, person);
			// The first ID of a batch waits for the others that the items starting now ask for.
			if (this.waiting.length === 1) void this.sendAfterThisTurn();
		}
		return await person;
	}

	private async sendAfterThisTurn() {
		await pause(0);
		const asked = this.waiting;
		this.waiting = [];
		for (let start = 0; start < asked.length; start += IDS_PER_REQUEST) {
			void this.send(asked.slice(start, start + IDS_PER_REQUEST));
		}
	}

	/**
	 * One request for several IDs. A 400 or 404 to it is asked again ID by ID: Metal documents
	 * neither its list format nor its answer to an unknown ID, and one bad ID must fail only the
	 * items that named it.
	 */
	private async send(asked: Asked[]) {
		const [{ metal }] = asked;
		try {
			const people = await this.read(
				metal,
				asked.map(({ id }) => id),
			);
			for (const { id, settle } of asked) settle(people.get(id));
		} catch (error) {
			const status = (error as NodeApiError).httpCode;
			if (asked.length > 1 && (status === '400' || status === '404')) {
				await Promise.all(asked.map(async (one) => await this.send([one])));
			} else if (asked.length === 1 && status === '404') {
				asked[0].settle(undefined);
			} else {
				for (const { settle } of asked) settle(undefined, error);
			}
		}
	}

	/** `GET /v1/people/ids=<ids>`: the people found, by ID. A person alone may come as an object. */
	private async read(metal: ItemRequests, ids: string[]) {
		const answer = await metal.answer({ method: 'GET', path: `${PEOPLE}/ids=${ids.join(',')}` });
		const { data } = answer;
		const people: unknown[] = Array.isArray(data) ? data : [data];
		const byId = new Map<string, IDataObject>();
		for (const person of people) {
			const id = (person as IDataObject | null)?.id;
			if (typeof id !== 'string') throw metal.unexpected('list of people with their IDs', answer);
			byId.set(id.toLowerCase(), person as IDataObject);
		}
		return byId;
	}
}
