import { DEALS } from '../resources/deal/fields';
import { newestFirstPicker } from './newestFirst';

/** "From List" of the Deal picker: deals newest first, matched by name. */
export const searchDeals = newestFirstPicker(DEALS, (deal) => [deal.name]);
