import type { LoadedContent } from '../content/parse';
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
