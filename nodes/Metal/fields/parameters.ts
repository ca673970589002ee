import type { IDataObject } from 'n8n-workflow';

import { describedAs, type Field, type Value } from './kit';
import { emptyError, invalid } from './values';

/**
 * The parameters an operation lists, each read from one item: a required or optional top-level
 * parameter, an entry of the Options collection, or a collection of optional values such as
 * Additional Fields or Update Fields.
 */

/** An entry of the Options collection: read per item, the property's default when not set. */
export function option<T>(field: Value<T>): Field<T> & { value: Value<T> } {
	return {
		value: field,
		properties: [],
		read(item) {
			const { name, displayName, default: fallback } = field.property;
			const options = (item.get('options', {}) ?? {}) as IDataObject;
			return (field.parse(options[name], item.at(displayName)) ?? fallback) as T;
		},
	};
}

/** A top-level parameter that must be set in every item. */
export function required<T>(field: Value<T>): Field<T> & { value: Value<T> } {
	return {
		value: field,
		properties: [{ ...field.property, required: true }],
		read(item) {
			const { property } = field;
			const at = item.at(property.displayName);
			const parsed = field.parse(
				item.get(property.name, undefined, property.type === 'resourceLocator'),
				at,
			);
			if (parsed === undefined) throw emptyError(at);
			return parsed;
		},
	};
}

/**
 * A top-level parameter with a default, such as a switch or a number shown beside the required
 * ones: blank (an expression that gives nothing) reads as the default.
 */
export function optional<T>(field: Value<T>): Field<T> & { value: Value<T> } {
	return {
		value: field,
		properties: [field.property],
		read(item) {
			const { property } = field;
			const at = item.at(property.displayName);
			return field.parse(item.get(property.name, property.default), at) ?? (property.default as T);
		},
	};
}

/**
 * A collection of optional values, such as Additional Fields: reads to the Metal fields the user set,
 * and only those. `atLeastOne` refuses an empty one (an update that changes nothing).
 */
export function collection(
	shown: { name: string; displayName: string; placeholder: string; description?: string },
	values: Array<Value<unknown>>,
	{ atLeastOne = false } = {},
): Field<IDataObject> {
	return {
		properties: [
			{
				...shown,
				type: 'collection',
				default: {},
				options: values.map((v) => v.property),
			},
		],
		read(item) {
			const raw = item.get(shown.name, {});
			const at = item.at(shown.displayName);
			if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
				throw invalid(
					at,
					`The "${shown.displayName}" parameter in item ${item.itemIndex} is not a set of fields`,
					`Add the fields in the node; to set ${shown.displayName} by expression, give one per field.`,
				);
			}
			const body: IDataObject = {};
			for (const entry of values) {
				const parsed = entry.parse(
					(raw as IDataObject)[entry.property.name],
					item.at(entry.property.displayName),
				);
				if (parsed !== undefined) body[entry.sendAs] = parsed as IDataObject[string];
			}
			if (atLeastOne && Object.keys(body).length === 0) {
				throw invalid(
					at,
					`Nothing to change in item ${item.itemIndex}: ${shown.displayName} is empty`,
					`Add at least one field under ${shown.displayName}, with a value for this item. Only the fields set are sent.`,
				);
			}
			return body;
		},
	};
}

export const additionalFields = (values: Array<Value<unknown>>) =>
	collection(
		{ name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field' },
		values,
	);

/** What every Update Fields entry says: Metal documents every field of its PUTs as optional. */
const ONLY_WHEN_SET =
	'Sent only when set: Metal does not document whether a field left out of an update keeps or loses its value.';

/**
 * Update Fields of a `PUT`: only the fields set are sent, each says so, and an item that sets none
 * is refused (an update that changes nothing).
 */
export const updateFields = (values: Array<Value<unknown>>) =>
	collection(
		{ name: 'updateFields', displayName: 'Update Fields', placeholder: 'Add Field' },
		values.map((field) =>
			describedAs(
				field,
				`${(field.property.description ?? '').replace(/\.?$/, '.')} ${ONLY_WHEN_SET}`,
			),
		),
		{ atLeastOne: true },
	);
