import type { Catalog, PlanEntry } from '../catalog/build';
import { formatPlanNumber } from '../catalog/plan-number';
import { paths } from '../paths';
import type { DocumentReference } from '../../schemas/document-reference';
import { apiPaths, urlOf, type PublishContext } from './context';

/*
 * schema.org `Legislation` for a plan page (<script type="application/ld+json">), so search
 * engines and legal-data tools read the số/ký hiệu, type, date, issuer and citations directly.
 */

function citedLegislation(catalog: Catalog, reference: DocumentReference, ctx: PublishContext) {
  const registry = catalog.documents.get(reference.document)?.data;
  return {
    '@type': 'Legislation',
    '@id': `${urlOf(ctx, paths.document(reference.document))}#van-ban`,
    legislationIdentifier: registry?.number ?? reference.number,
    legislationType: registry?.type ?? reference.type,
    ...((registry?.date ?? reference.date) ? { legislationDate: registry?.date ?? reference.date } : {}),
    ...((reference.title ?? registry?.title) ? { name: reference.title ?? registry?.title } : {}),
    ...((registry?.issuer ?? reference.issuer) ? { legislationPassedBy: { '@type': 'Organization', name: registry?.issuer ?? reference.issuer } } : {}),
    url: urlOf(ctx, paths.document(reference.document)),
  };
}

/** The JSON-LD object of a plan; serialize with `toScriptJson` inside the page's <head>. */
export function planLegislationJsonLd(catalog: Catalog, plan: PlanEntry, ctx: PublishContext) {
  const { data, slug } = plan;
  const issuer = catalog.agencies.get(data.issuer);
  const identifier = formatPlanNumber(data);
  const url = urlOf(ctx, paths.plan(slug));
  const jurisdiction = issuer?.data.province ?? data.place;
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': `${url}#van-ban`,
    name: `${data.docType} ${data.title}`,
    // Unnumbered copies have no số/ký hiệu; schema.org accepts a URI as the identifier.
    legislationIdentifier: identifier ?? url,
    legislationType: data.docType,
    ...(data.issuedOn ? { legislationDate: data.issuedOn } : {}),
    legislationPassedBy: {
      '@type': 'GovernmentOrganization',
      name: issuer?.data.name ?? data.issuer,
      url: urlOf(ctx, paths.agency(data.issuer)),
    },
    legislationJurisdiction: { '@type': 'AdministrativeArea', name: jurisdiction },
    temporalCoverage: String(data.year),
    abstract: data.summary,
    keywords: data.topics.join(', '),
    inLanguage: 'vi',
    url,
    isBasedOn: data.basis.map((r) => ({ '@id': `${urlOf(ctx, paths.document(r.document))}#van-ban` })),
    citation: [...data.basis, ...data.citations].map((r) => citedLegislation(catalog, r, ctx)),
    encoding: {
      '@type': 'MediaObject',
      contentUrl: urlOf(ctx, apiPaths.plan(slug)),
      encodingFormat: 'application/json',
    },
  };
}
