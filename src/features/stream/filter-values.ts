/** A stream filter as stream.getFilters and the FQL stream_filter table write it. */
import type { FqlValue } from '../../fql/types.js';
import type { StreamFilter } from './stream-service.js';

export function filterValue(filter: StreamFilter): Record<string, FqlValue> {
  return {
    uid: filter.uid,
    filter_key: filter.filterKey,
    name: filter.name,
    rank: filter.rank,
    // Hearth has no icons for filters.
    icon_url: '',
    is_visible: true,
    type: filter.type,
    value: filter.value,
  };
}
