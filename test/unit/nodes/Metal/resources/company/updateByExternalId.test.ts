import { describeUpdateByExternalId } from '../../../../../helpers/updateByExternalId';

describeUpdateByExternalId('Company', '/v1/companies');
