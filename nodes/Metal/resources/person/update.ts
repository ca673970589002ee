import { defineOperation } from '../../engine/operation';
import { group, text } from '../../fields/kit';
import { updateFields } from '../../fields/parameters';
import { idLocator } from '../../fields/locator';

const personId = idLocator({
	displayName: 'Person',
	name: 'personId',
	noun: 'person',
	description: 'The person to update, by their Metal ID',
});

const changes = updateFields([
	text({
		displayName: 'Company',
		name: 'company',
		description:
			"The person's company, as Metal's company field. Metal documents it only as text, not whether it takes a name or a company's Metal ID.",
	}),
	text({
		displayName: 'Current Company Name',
		name: 'currentCompanyName',
		placeholder: 'e.g. Acme Holdings',
		description: 'The name of the company the person works at now',
	}),
	text({
		displayName: 'Current Title',
		name: 'currentTitle',
		placeholder: 'e.g. Chief Financial Officer',
		description: "The person's job title",
	}),
	text({
		displayName: 'Email',
		name: 'email',
		placeholder: 'e.g. name@email.com',
		description: "The person's email address",
	}),
	text({
		displayName: 'External ID',
		name: 'externalId',
		placeholder: 'e.g. crm-12345',
		description: "The person's ID in your own system, such as your CRM",
	}),
	text({
		displayName: 'First Name',
		name: 'firstName',
		description: "The person's first name",
	}),
	text({
		displayName: 'Last Name',
		name: 'lastName',
		description: "The person's last name",
	}),
	text({
		displayName: 'LinkedIn URL',
		name: 'linkedinUrl',
		placeholder: 'e.g. https://www.linkedin.com/in/jane-doe',
		description: "The address of the person's LinkedIn profile",
	}),
	group(
		{
			displayName: 'Location',
			name: 'location',
			placeholder: 'Add Location',
			description:
				'Where the person is based. Only the parts filled in are sent; Metal does not document whether the parts left out are kept.',
		},
		[
			text({
				displayName: 'City',
				name: 'city',
				placeholder: 'e.g. London',
				description: 'The city',
			}),
			text({
				displayName: 'State',
				name: 'state',
				placeholder: 'e.g. New York',
				description: 'The state or region',
			}),
			text({
				displayName: 'Country',
				name: 'country',
				placeholder: 'e.g. United Kingdom',
				description: 'The country',
			}),
		],
	),
	text({
		displayName: 'Phone Number',
		name: 'phoneNumber',
		placeholder: 'e.g. +44 20 7946 0000',
		description: "The person's phone number",
	}),
]);

export const update = defineOperation({
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a person',
		description:
			"Change a contact's name, email, title, company, LinkedIn URL, phone number, external ID or location in Metal, by the person's Metal ID. Only the fields set are sent.",
	},
	effect: { kind: 'update', noun: 'person' },
	fields: [personId, changes],
	prepare: (read) => ({ id: read(personId), body: read(changes) }),
	send: async ({ id, body }, metal) =>
		await metal.one({
			method: 'PUT',
			path: `/v1/people/${id}`,
			body,
		}),
});
