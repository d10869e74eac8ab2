import { paths } from '../paths';
import { site } from '../../site.config';
import { apiPaths, urlOf } from './context';
import { MEDIA_TYPES, memberUrlPattern, type Dataset, type FileCollection, type FileFormat, type OpenData, type OpenDataFile } from './types';

/*
 * DCAT-AP 3 catalog in JSON-LD (`/api/v1/catalog.jsonld`): the catalog, its publisher and licence,
 * one dcat:Dataset per dataset and one dcat:Distribution per file, with media type, size,
 * sha256 checksum and the JSON Schema it conforms to. A dataset of one file per plan or per agency
 * gets a single distribution instead: its access URL is the index listing every member, its
 * description gives the member count and URL pattern, its byte size is the members' total. So the
 * catalog stays the same size however many plans there are; SHA256SUMS has each member's checksum.
 * `dct:modified` comes from content dates.
 */

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
};

/** EU Publications Office file-type authority codes, where one exists for the format. */
const EU_FILE_TYPES: Partial<Record<FileFormat, string>> = {
  JSON: 'JSON',
  CSV: 'CSV',
  XLSX: 'XLSX',
  Atom: 'ATOM',
  'JSON-LD': 'JSON_LD',
  'JSON Schema': 'JSON',
  'Data Package': 'JSON',
};

const VIETNAMESE = { '@id': 'http://publications.europa.eu/resource/authority/language/VIE' };
const LICENSE = { '@id': 'https://creativecommons.org/licenses/by/4.0/' };

function vi(text: string) {
  return { '@value': text, '@language': 'vi' };
}

function date(iso: string) {
  return { '@value': iso, '@type': 'xsd:date' };
}

export function dcatCatalog(openData: OpenData) {
  const { ctx, datasets } = openData;
  const catalogUrl = urlOf(ctx, apiPaths.dcat());
  const publisher = {
    '@id': `${site.portalUrl}#co-quan`,
    '@type': 'foaf:Agent',
    'foaf:name': vi(site.agency),
    'foaf:homepage': { '@id': site.portalUrl },
  };

  const euFormat = (format: FileFormat) => {
    const euType = EU_FILE_TYPES[format];
    return euType ? { 'dct:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${euType}` } } : {};
  };
  const mediaType = (format: FileFormat) => ({ '@id': `http://www.iana.org/assignments/media-types/${MEDIA_TYPES[format]}` });
  const byteSize = (bytes: number) => ({ '@value': String(bytes), '@type': 'xsd:nonNegativeInteger' });

  const collectionDistribution = (dataset: Dataset, collection: FileCollection) => {
    const bytes = dataset.files.reduce((sum, file) => sum + openData.summary(file.path).bytes, 0);
    const count = dataset.files.length.toLocaleString('vi-VN');
    const index = urlOf(ctx, collection.index);
    return {
      '@id': `${urlOf(ctx, paths.openData())}#${dataset.id}-phan-phoi`,
      '@type': 'dcat:Distribution',
      'dct:title': vi(`${dataset.title}: ${count} tệp ${collection.format}, chỉ mục ${collection.index.slice(collection.index.lastIndexOf('/') + 1)}`),
      'dct:description': vi(
        `${count} tệp ${collection.format}, mỗi tệp tại địa chỉ ${memberUrlPattern(ctx, collection)}, trong đó {${collection.keyField}} là trường ${collection.keyField} của một mục trong ${index}; ` +
          `mục nào có tệp thì ghi địa chỉ đầy đủ của tệp trong trường ${collection.urlField}. Kích thước là tổng của mọi tệp; mã băm SHA-256 của từng tệp ở ${urlOf(ctx, apiPaths.checksums())}.`,
      ),
      'dcat:accessURL': { '@id': index },
      'dcat:mediaType': mediaType(collection.format),
      ...euFormat(collection.format),
      'dcat:byteSize': byteSize(bytes),
      ...(collection.schema ? { 'dct:conformsTo': { '@id': urlOf(ctx, collection.schema) } } : {}),
      'dct:license': LICENSE,
    };
  };

  const distribution = (file: OpenDataFile, title: string) => {
    const rendered = openData.summary(file.path);
    const url = urlOf(ctx, file.path);
    return {
      '@id': `${url}#phan-phoi`,
      '@type': 'dcat:Distribution',
      'dct:title': vi(file.label ? `${title}: ${file.label} (${file.format})` : `${title} (${file.format})`),
      'dcat:accessURL': { '@id': url },
      'dcat:downloadURL': { '@id': url },
      'dcat:mediaType': mediaType(file.format),
      ...euFormat(file.format),
      'dcat:byteSize': byteSize(rendered.bytes),
      'spdx:checksum': {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': rendered.sha256, '@type': 'xsd:hexBinary' },
      },
      ...(file.schema ? { 'dct:conformsTo': { '@id': urlOf(ctx, file.schema) } } : {}),
      'dct:license': LICENSE,
    };
  };

  return {
    '@context': CONTEXT,
    '@id': catalogUrl,
    '@type': 'dcat:Catalog',
    'dct:title': vi(`${site.name}: dữ liệu mở các kế hoạch`),
    'dct:description': vi(
      `Dữ liệu mở về các kế hoạch (văn bản "Kế hoạch") đăng trên ${site.name} của ${site.agency}: danh sách kế hoạch, toàn văn từng kế hoạch, chỉ tiêu, thời hạn, văn bản căn cứ và trích dẫn, cơ quan. Mở, miễn phí, không cần đăng ký, được tái sử dụng theo giấy phép ${site.license.name}.`,
    ),
    'dct:publisher': publisher,
    'dct:license': LICENSE,
    'rdfs:seeAlso': { '@id': site.license.url },
    'dct:language': VIETNAMESE,
    ...(openData.modified ? { 'dct:modified': date(openData.modified) } : {}),
    'foaf:homepage': { '@id': urlOf(ctx, paths.openData()) },
    'dcat:dataset': datasets.map((dataset) => ({
      '@id': `${urlOf(ctx, paths.openData())}#${dataset.id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': dataset.id,
      'dct:title': vi(dataset.title),
      'dct:description': vi(dataset.description),
      'dct:publisher': { '@id': publisher['@id'] },
      'dct:language': VIETNAMESE,
      'dcat:keyword': dataset.keywords.map(vi),
      ...(dataset.modified ? { 'dct:modified': date(dataset.modified) } : {}),
      'dcat:landingPage': { '@id': `${urlOf(ctx, paths.openData())}#${dataset.id}` },
      'dcat:distribution': dataset.collection
        ? [collectionDistribution(dataset, dataset.collection)]
        : dataset.files.map((file) => distribution(file, dataset.title)),
    })),
  };
}
