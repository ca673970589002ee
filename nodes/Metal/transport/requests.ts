import type { IDataObject, NodeOperationError } from 'n8n-workflow';

import type { MetalCall } from './exchange';

/** A list answer `{ data: [...], metadata? }`, every entry checked to be an object. */
export interface Page {
	entries: IDataObject[];
	metadata: IDataObject;
}

/** The requests of one item, bound to its index, its operation's effect and the run's signal. */
export interface ItemRequests {
	/** Sends the call; resolves to the object of an answer `{ data: { ... } }`. */
	one(call: MetalCall): Promise<IDataObject>;
	/** Sends the call; resolves to the entries of an answer `{ data: [ ... ] }`. */
	page(call: MetalCall): Promise<Page>;
	/**
	 * Sends the call; resolves to Metal's whole answer, for an operation that reads an endpoint
	 * documented only by a guide tolerantly (see `unexpected` for a shape it cannot read).
	 */
	answer(call: MetalCall): Promise<IDataObject>;
	/** The same requests retried and worded as reads: a look after a change, such as a poll. */
	readonly read: ItemRequests;
	/**
	 * The same requests retried as reads, for a look-up on the way to a change (a search before a
	 * create, an external ID resolved before an update): their errors say the change was not made.
	 */
	readonly lookup: ItemRequests;
	/**
	 * The same requests, retried only until `deadline` (epoch milliseconds): a retry that would
	 * start later is not made, and the error is marked out of time (a wait's Max Wait came first).
	 */
	until(deadline: number): ItemRequests;
	/** Waits, waking early when the run stops or is cancelled. */
	pause(ms: number): Promise<void>;
	/** True once the run is stopping or cancelled. */
	stopping(): boolean;
	/** An error for this item, for what the operation itself finds wrong with Metal's answers. */
	error(message: string, description: string): NodeOperationError;
	/**
	 * The error for an answer without what the operation reads (`what`, such as "list of people"),
	 * quoting the answer with the secrets scrubbed: an endpoint documented only by a guide may answer
	 * in a shape the node does not know.
	 */
	unexpected(what: string, answer: unknown): NodeOperationError;
	/** State shared by all items of the run under `key`, made by `make` the first time. */
	runState<T>(key: string, make: () => T): T;
}
