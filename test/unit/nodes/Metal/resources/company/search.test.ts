import { describeSearch } from '../../../../../helpers/metalSearch';

describeSearch('Company', 'company', '/v1/companies');
