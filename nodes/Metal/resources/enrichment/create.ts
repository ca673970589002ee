import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../../engine/operation';
import { json, metalId, number, text } from '../../fields/kit';
import { additionalFields, required } from '../../fields/parameters';

const resourceType = required(
	text({
		displayName: 'Resource Type',
		name: 'resourceType',
		placeholder: 'e.g. company',
		description: 'The kind of Metal record the value belongs to, such as company',
	}),
);

const resourceId = required(
	metalId({
		displayName: 'Resource ID',
		name: 'resourceId',
		description: 'The ID of the Metal record the value belongs to',
	}),
);

const property = required(
	text({
		displayName: 'Property',
		name: 'property',
		placeholder: 'e.g. description',
		description: 'The property of the record the value is for, such as description',
	}),
);

const value = required(
	json({
		displayName: 'Value',
		name: 'value',
		description:
			'The value found, as JSON: text, a number, true or false, a list or an object. Text that is valid JSON is sent as what it holds (42 as a number, true as a boolean); to send it as text, put it in quotes, such as "42". Other text is sent as it is. A number of more digits than a number keeps, such as a 19-digit ID, is refused rather than sent rounded: quote it.',
	}),
);

const source = required(
	text({
		displayName: 'Source',
		name: 'source',
		placeholder: 'e.g. crm',
		description: 'Where the value comes from, such as the system or document it was found in',
	}),
);

const sourceId = required(
	text({
		displayName: 'Source ID',
		name: 'sourceId',
		placeholder: 'e.g. deal-memo-42',
		description: "The value's reference in its source, such as the ID of the record or document",
	}),
);

const extra = additionalFields([
	number({
		displayName: 'Confidence',
		name: 'confidence',
		description:
			"How sure the source is of the value. Metal's request schema gives a number from 0 to 1, such as 0.85; enrichments Metal records itself show other scales, such as 57 or 100. The number is sent as given: Metal decides whether to accept it.",
	}),
	text({
		displayName: 'Provider',
		name: 'provider',
		placeholder: 'e.g. n8n',
		description: 'Who provided the value, such as the service or model that found it',
	}),
	text({
		displayName: 'Rationale',
		name: 'rationale',
		description: 'Why the value is believed, in words',
	}),
]);

export const create = defineOperation({
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an enrichment',
		description:
			"Record a value found for a property of a Metal record (such as a company's description), with where it comes from. Metal keeps every value with its source and decides which one the record shows.",
	},
	effect: { kind: 'create', noun: 'enrichment' },
	fields: [resourceType, resourceId, property, value, source, sourceId, extra],
	prepare: (read) => ({
		resourceType: read(resourceType),
		resourceId: read(resourceId),
		property: read(property),
		value: read(value) as IDataObject[string],
		source: read(source),
		sourceId: read(sourceId),
		...read(extra),
	}),
	send: async (body, metal) => await metal.one({ method: 'POST', path: '/v1/enrichments', body }),
});
