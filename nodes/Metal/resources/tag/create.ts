import { defineOperation } from '../../engine/operation';
import { choice, externalReference, text } from '../../fields/kit';
import { additionalFields, required } from '../../fields/parameters';

const type = required(
	choice(
		{
			displayName: 'Type',
			name: 'type',
			description: 'What the tag labels',
		},
		[
			{ name: 'Company', value: 'company' },
			{ name: 'Deal', value: 'deal' },
			{ name: 'List', value: 'list' },
		],
	),
);

const value = required(
	text({
		displayName: 'Value',
		name: 'value',
		placeholder: 'e.g. Top priority',
		description: 'The text of the tag',
	}),
);

const extra = additionalFields([
	text({
		displayName: 'Color',
		name: 'color',
		placeholder: 'e.g. #2E7D32',
		description: 'The color of the tag. Metal documents it only as text.',
	}),
	externalReference({
		description: 'The same tag in another system, such as a CRM: both its source and its ID',
		source: { placeholder: 'e.g. salesforce', description: 'The other system' },
		id: { placeholder: 'e.g. a0B5g00000XyZ12', description: "The tag's ID in the other system" },
	}),
]);

export const create = defineOperation({
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a tag',
		description:
			'Create a tag in Metal for labelling companies, deals or lists, with an optional color and a reference to the same tag in another system',
	},
	effect: { kind: 'create', noun: 'tag' },
	fields: [type, value, extra],
	prepare: (read) => ({ type: read(type), value: read(value), ...read(extra) }),
	send: async (body, metal) => await metal.one({ method: 'POST', path: '/v1/tags', body }),
});
