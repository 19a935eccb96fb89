import { request } from '../api.js';
import { filtersToParams, type Filters } from './view-filters.js';

/** Saves `filters` as a named view (urgency order, like the queue); the server answers 409 for a name already used. */
export function saveView(name: string, filters: Filters, shared: boolean): Promise<{ id: string; name: string }> {
  return request('POST', '/api/v1/views', { name, filters: filtersToParams(filters), sort: 'urgency', shared });
}

export function deleteView(id: string): Promise<null> {
  return request('DELETE', `/api/v1/views/${encodeURIComponent(id)}`);
}
