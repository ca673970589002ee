import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { MetalApi } from '../../credentials/MetalApi.credentials';

/**
 * The part of n8n's credentials service a node run needs, applying the credential type's own
 * `authenticate` block the way n8n does: each header value is an expression over `$credentials`,
 * resolved by the workflow's real expression engine. (n8n's own test helper skips generic
 * authentication, which would leave the header injection untested.)
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types: Record<string, ICredentialType> = { metalApi: new MetalApi() };

	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName]?.authenticate;
		if (authenticate === undefined) return requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		const options = requestOptions as IHttpRequestOptions & Record<string, unknown>;
		for (const [target, values] of Object.entries(authenticate.properties)) {
			const resolved: Record<string, unknown> = { ...(options[target] as object) };
			for (const [key, value] of Object.entries(values as Record<string, string>)) {
				resolved[key] = resolveExpression(value, credentials, workflow!, node!);
			}
			options[target] = resolved;
		}
		return options;
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (data === undefined) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async getCredentials(): Promise<Credentials> {
		return new Credentials({ id: null, name: '' }, '', '');
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}

/** Resolves one `={{ ... }}` value of a credential type over `$credentials`, as n8n does. */
export function resolveExpression(
	value: string,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): unknown {
	return workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
}
