import { describeSearch } from '../../../../../helpers/metalSearch';

describeSearch('Deal', 'deal', '/v1/deals');
