import { describeUpdateByExternalId } from '../../../../../helpers/updateByExternalId';

describeUpdateByExternalId('Deal', '/v1/deals');
