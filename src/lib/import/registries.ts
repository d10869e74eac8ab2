import { loadContent, type LoadedContent } from '../content/load';
import type { KnownAgency } from './agencies';
import type { KnownDocument } from './references';

export interface Registries {
  agencies: KnownAgency[];
  documents: KnownDocument[];
}

/** The agency and document registries of loaded content, in the shape the importer matches against. */
export function registriesFrom(content: Pick<LoadedContent, 'agencies' | 'documents'>): Registries {
  return {
    agencies: content.agencies.map((a) => ({ id: a.id, ...a.data })),
    documents: content.documents.map((d) => ({ id: d.id, ...d.data })),
  };
}

/**
 * Reads the registries of a content folder (invalid entries are skipped: `npm run check` reports them).
 * @example loadRegistries('content').agencies.find((a) => a.id === 'so-tttt-tay-ninh')?.shortName // 'Sở TTTT'
 */
export function loadRegistries(contentDir: string): Registries {
  return registriesFrom(loadContent(contentDir));
}
