import { describeSearch } from '../../../../../helpers/metalSearch';

describeSearch('Activity', 'activity', '/v1/activities');
