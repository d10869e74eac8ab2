import type { Catalog } from '../catalog/build';
import { planFilters } from '../portal/plan-filters';
import { compareVietnamese } from '../vn/text';
import { slugify } from '../vn/slug';
import { SEARCH_FILTERS, SEARCH_FILTER_LABELS, type SearchFilter } from './url-state';

export interface SearchFilterOption {
  /** The value in the URL and in the index: "2024", an agency id, a topic or document-type slug. */
  value: string;
  label: string;
}

export interface SearchFilterGroup {
  name: SearchFilter;
  /** Vietnamese legend: "Năm", "Cơ quan ban hành"… */
  label: string;
  options: SearchFilterOption[];
}

/**
 * The filter controls of the search page, from the same catalog the index is built from, so every
 * checkbox value is a value some record carries. Groups with fewer than two values are still shown:
 * a filter that cannot narrow anything tells the reader what the collection holds.
 */
export function searchFilterGroups(catalog: Catalog): SearchFilterGroup[] {
  const plan = planFilters(catalog);
  const docTypes = new Map<string, string>();
  for (const { data } of catalog.plans) docTypes.set(slugify(data.docType), data.docType);
  const options: Record<SearchFilter, SearchFilterOption[]> = {
    nam: plan.nam.map(({ value, label }) => ({ value, label })),
    'co-quan': plan['co-quan'].map(({ value, label }) => ({ value, label })),
    'chu-de': plan['chu-de'].map(({ value, label }) => ({ value, label })),
    loai: [...docTypes].map(([value, label]) => ({ value, label })).sort((a, b) => compareVietnamese(a.label, b.label)),
  };
  return SEARCH_FILTERS.map((name) => ({ name, label: SEARCH_FILTER_LABELS[name], options: options[name] }));
}
