import { describeSearch } from '../../../../../helpers/metalSearch';

describeSearch('Person', 'person', '/v1/people');
