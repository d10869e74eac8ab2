/**
 * The signature block: the authority line ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), the signer's
 * position ("PHÓ GIÁM ĐỐC", "CHỦ TỊCH") and name ("Hoàng Ngọc Giang"); copies often omit the name.
 */
import { collapseWhitespace } from '../vn/text';
import { untangleTail } from './recipients';
import type { Block } from './repair';
import { AUTHORITY_LINE, AUTHORITY_MARK } from './authority';

export interface ExtractedSigner {
  authority: string | null;
  title: string | null;
  name: string | null;
}

const AUTHORITY = AUTHORITY_LINE;
const NOI_NHAN = /^Nơi\s+nhận\b/iu;
const SIGNED_MARK = /^\(?\s*(?:đã ký|ký tên|ký, ghi rõ họ tên|ký và đóng dấu|đã ký và đóng dấu)[^)]*\)?$/iu;
const NAME = /^(?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$/u;

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/**
 * Reads the signature from the tail blocks (Nơi nhận lines are skipped: two-column layouts put the
 * signature before, after or beside them).
 * @example extractSigner(tail) // { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: null }
 */
export function extractSigner(blocks: readonly Block[]): ExtractedSigner {
  const tail = untangleTail(blocks);
  const signer: ExtractedSigner = { authority: null, title: null, name: null };
  const authorities: string[] = [];
  for (const block of tail) {
    if (block.kind === 'bullet') continue;
    // "Nơi nhận: KT. GIÁM ĐỐC" when the two columns were read as one line.
    let text = collapseWhitespace(block.text.replace(NOI_NHAN, '').replace(/^\s*:\s*/, ''));
    if (!text || SIGNED_MARK.test(text)) continue;
    const kt = new RegExp(`((?:${AUTHORITY_MARK})\\s*[^\\p{Ll}]+?)(?=\\s+(?:${AUTHORITY_MARK})|$)`, 'gu');
    if (AUTHORITY.test(text)) {
      for (const m of text.matchAll(kt)) {
        // "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" when the two lines were read as one.
        const [authority, title] = collapseWhitespace(m[1]!).split(/\s+(?=PHÓ\s)/u);
        authorities.push(authority!);
        if (title && !signer.title) signer.title = title;
      }
      continue;
    }
    if (isUpper(text) && text.length < 60 && !signer.title) {
      signer.title = text;
      continue;
    }
    if (signer.title && !signer.name && NAME.test(text)) signer.name = text;
  }
  if (authorities.length) {
    // "TM. ỦY BAN NHÂN DÂN" + "KT. CHỦ TỊCH": both lines, in order.
    signer.authority = authorities.join(' ');
  }
  return signer;
}
