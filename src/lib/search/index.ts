export { normalizeQuery, MAX_QUERY_LENGTH, type NormalizedQuery } from './query';
export { findDocumentNumbers, documentNumberKey, type DocumentNumberMatch } from './document-numbers';
export { foldWithOffsets, tokenizeFolded, searchTokens, type FoldedText, type SearchToken } from './tokens';
export { containsPhrase, relevanceTier, rerankResults, tokenMatches, type RankableResult } from './rank';
export { buildExcerpt, type ExcerptPart } from './excerpt';
export { mdxBlocks, inlineText, type TextBlock } from '../content/plain-text';
export {
  buildSearchRecord,
  indexTerms,
  termWeight,
  type PlanSearchSource,
  type SearchRecord,
  type SearchRecordContext,
  type SearchRecordMeta,
} from './record';
export * from './url-state';
