/**
 * A new plan written from scratch (`npm run new`): the answers of the person writing it become a
 * draft that passes `npm run check`, with the usual sections of a plan as headings to fill in.
 */
import { createHash } from 'node:crypto';
import { parseVietnameseDateDetailed } from '../vn/dates';
import { collapseWhitespace, toNFC } from '../vn/text';
import type { KnownAgency } from './agencies';
import { draftSlug, placeOf } from './draft';
import { renderPlanFile, type Yaml } from './mdx';

export interface NewPlanAnswers {
  /** Trích yếu without "Kế hoạch": "Thực hiện công tác dân vận chính quyền năm 2025". */
  title: string;
  /** Issuing agency id (from the registry). */
  issuer: string;
  year: number;
  /** Số/ký hiệu as printed: "859/KH-UBND", "/KH-UBND" (not numbered yet), or "" (none). */
  numberSymbol?: string;
  /** Date of issue as Vietnamese write it ("25/3/2024", "ngày 25 tháng 3 năm 2024") or "" when not signed yet. */
  issuedOn?: string;
  topics: string[];
  /** Place of issue; defaults to the issuer's commune, district or province. */
  place?: string;
  summary: string;
  signerAuthority?: string;
  signerTitle: string;
  signerName?: string;
  /** The signed original (its name and sha256 go in `source`), when there is one. */
  sourceFile?: { name: string; bytes: Uint8Array };
}

export interface ScaffoldResult {
  slug: string;
  /** Path relative to the content folder: "plans/2025/{slug}.mdx". */
  path: string;
  file: string;
}

/** The text that says a plan was written here rather than imported from a signed file. */
export const NO_SOURCE_FILE = 'soạn trực tiếp (chưa có tệp văn bản đã ký)';

/**
 * Splits a số/ký hiệu answer into number and symbol; null when the answer is not one.
 * @example parseNumberSymbol('859/KH-UBND') // { number: '859', symbol: 'KH-UBND' }
 * @example parseNumberSymbol('/KH-STTTT') // { number: null, symbol: 'KH-STTTT' }
 * @example parseNumberSymbol('110-KH/BDVTU-BCSĐUBND') // { number: '110', symbol: 'KH/BDVTU-BCSĐUBND' }
 */
export function parseNumberSymbol(answer: string | undefined): { number: string | null; symbol: string | null } | null {
  const a = toNFC(answer ?? '').replace(/^\s*Số\s*:?\s*/iu, '').replace(/\s+/g, '');
  if (!a) return { number: null, symbol: null };
  const m = /^(\d*)[/-]([A-ZĐa-zđ0-9]+(?:[-/][A-ZĐa-zđ0-9]+)*)$/u.exec(a);
  if (!m) return null;
  return { number: m[1] ? m[1] : null, symbol: m[2]! };
}

/** Validation messages for the prompts, in Vietnamese (undefined when the answer is fine). */
export const validateAnswer = {
  title: (v: string): string | undefined => (collapseWhitespace(v) ? undefined : 'cần tên (trích yếu) của kế hoạch'),
  numberSymbol: (v: string): string | undefined =>
    parseNumberSymbol(v) ? undefined : 'số/ký hiệu cần dạng "859/KH-UBND", "/KH-UBND" (chưa có số) hoặc để trống',
  issuedOn: (v: string): string | undefined => {
    if (!v.trim()) return undefined;
    const r = parseVietnameseDateDetailed(v);
    return r.ok ? undefined : r.message;
  },
  required: (what: string) => (v: string): string | undefined => (collapseWhitespace(v) ? undefined : `cần ${what}`),
};

const BODY = `Thực hiện … (ghi các văn bản căn cứ: loại, số/ký hiệu, ngày, cơ quan ban hành, trích yếu), [cơ quan] ban hành Kế hoạch … như sau:

## I. MỤC ĐÍCH, YÊU CẦU

### 1. Mục đích

(Nội dung)

### 2. Yêu cầu

(Nội dung)

## II. NỘI DUNG

### 1. (Tên nhiệm vụ)

- (Nội dung)

## III. TỔ CHỨC THỰC HIỆN

### 1. (Tên đơn vị)

(Nhiệm vụ của đơn vị; thời hạn ghi rõ "trước ngày …/…/…")

Trên đây là Kế hoạch … của …./.
`;

/**
 * The draft file for a new plan.
 * @example scaffoldPlan({ title: 'Thực hiện công tác dân vận chính quyền năm 2025', issuer: 'so-vhttdl-tay-ninh', year: 2025, topics: ['Dân vận chính quyền'], summary: '…', signerTitle: 'GIÁM ĐỐC' }, agencies).path
 * // 'plans/2025/dan-van-chinh-quyen-2025-so-vhttdl-tay-ninh.mdx'
 */
export function scaffoldPlan(answers: NewPlanAnswers, agencies: readonly KnownAgency[]): ScaffoldResult {
  const title = collapseWhitespace(toNFC(answers.title)).replace(/^Kế hoạch\s+/iu, '');
  const numbers = parseNumberSymbol(answers.numberSymbol);
  if (!numbers) throw new Error(validateAnswer.numberSymbol(answers.numberSymbol ?? '')!);
  let issuedOn: string | null = null;
  if (answers.issuedOn?.trim()) {
    const r = parseVietnameseDateDetailed(answers.issuedOn);
    if (!r.ok) throw new Error(r.message);
    issuedOn = r.iso;
  }
  const agency = agencies.find((a) => a.id === answers.issuer);
  const place = collapseWhitespace(toNFC(answers.place ?? '')) || (agency ? placeOf(agency) : null);
  const source = answers.sourceFile
    ? { file: answers.sourceFile.name, sha256: createHash('sha256').update(answers.sourceFile.bytes).digest('hex') }
    : { file: NO_SOURCE_FILE, sha256: createHash('sha256').update('').digest('hex') };
  const frontmatter: Record<string, Yaml> = {
    title,
    docType: 'Kế hoạch',
    number: numbers.number,
    symbol: numbers.symbol,
    issuer: answers.issuer,
    place,
    issuedOn,
    year: answers.year,
    status: 'dự thảo',
    topics: answers.topics,
    summary: collapseWhitespace(toNFC(answers.summary)),
    basis: [],
    citations: [],
    targets: [],
    deadlines: [],
    assignments: [],
    recipients: [],
    signer: {
      authority: collapseWhitespace(toNFC(answers.signerAuthority ?? '')) || null,
      title: collapseWhitespace(toNFC(answers.signerTitle)),
      name: collapseWhitespace(toNFC(answers.signerName ?? '')) || null,
    },
    source,
  };
  const slug = draftSlug(title, answers.issuer, answers.year);
  return { slug, path: `plans/${answers.year}/${slug}.mdx`, file: renderPlanFile(frontmatter, BODY) };
}
