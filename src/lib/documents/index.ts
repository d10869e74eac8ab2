export {
  STATE_TYPE_CODES,
  PARTY_TYPE_CODES,
  parseDocumentNumber,
  isDocumentNumberError,
  canonicalDocumentId,
  sameDocumentNumber,
  type DocumentGrammar,
  type ParsedDocumentNumber,
  type DocumentNumberError,
  type DocumentNumberErrorCode,
  type ParseDocumentNumberOptions,
  type CanonicalIdOptions,
  type CanonicalIdResult,
} from './document-number';
export { DOCUMENT_TYPE_NAMES, findDocumentReferences, mergeDocumentReferences, type DocumentReferenceMatch } from './document-references';
