import { text } from '../../fields/kit';
import { namedValues, textList } from '../../fields/lists';
import { updateOperation } from '../records';
import { COMPANIES } from './fields';

const long = { typeOptions: { rows: 4 } };

export const update = updateOperation({
	...COMPANIES,
	description:
		"Change a company's names, website, descriptions, sector, industry, external ID or custom fields. Only the fields set under Update Fields are sent. Use it to keep Metal's company records in step with a CRM or a sheet.",
	changes: [
		textList({
			displayName: 'Alternative Names',
			name: 'alternativeNames',
			button: 'Add Name',
			description:
				'Other names the company goes by, one per entry (by expression, a list of texts). Sent as one list: Metal does not document whether it replaces or adds to the names it has',
		}),
		text({
			displayName: 'Canonical Name',
			name: 'canonicalName',
			placeholder: 'e.g. Acme Holdings',
			description: "The company's main name",
		}),
		namedValues({
			displayName: 'Custom Fields',
			name: 'customFields',
			sendAs: 'custom',
			placeholder: 'Add Custom Field',
			description:
				"Your organization's own fields, sent as Metal's custom object. Metal does not document whether custom fields not listed here are kept",
		}),
		text({
			displayName: 'Description',
			name: 'description',
			...long,
			description: "The company's description",
		}),
		text({
			displayName: 'External ID',
			name: 'externalId',
			placeholder: 'e.g. crm-12345',
			description:
				"The company's ID in your own system, such as a CRM, by which Metal can also find it",
		}),
		text({
			displayName: 'Industry',
			name: 'industry',
			description: "The company's industry, as text",
		}),
		text({
			displayName: 'Sector',
			name: 'sector',
			placeholder: 'e.g. Healthcare',
			description: "The company's sector, as text",
		}),
		text({
			displayName: 'Short Description',
			name: 'shortDescription',
			description: 'A one-line description of the company',
		}),
		text({
			displayName: 'Website',
			name: 'website',
			placeholder: 'e.g. https://acme.com',
			description: "The company's website",
		}),
	],
});
