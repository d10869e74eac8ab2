/**
 * The scale corpus of the benchmarks: `writeCorpus(dir, { plans, seed })` writes a content folder
 * (plans/, agencies/, documents/) of one province's plans, deterministic for a given seed:
 *
 * - about 170 agencies of Tây Ninh with their parent tree and schema levels: UBND tỉnh, 21 Sở and
 *   ban ngành, 9 huyện / thị xã / thành phố with their Phòng Nội vụ and about 90 xã / phường,
 *   Tỉnh ủy with its Ban, Huyện ủy and some Đảng ủy xã, mass organisations; plus the real registry;
 * - about 350 provincial documents (Quyết định, Chỉ thị, Kế hoạch of the UBND, Nghị quyết of the
 *   HĐND, Nghị quyết / Chỉ thị / Kết luận / Kế hoạch of the Tỉnh ủy, Hướng dẫn of the Ban Dân vận)
 *   in both number grammars, beside the real registry's central documents; numbered provincial
 *   plans are registered as documents too, so lower levels implement them (a real chain);
 * - plans over 2015–2025 on 20 topics, each with its own title, targets (with comparable
 *   indicators), deadlines, assignments to real units of the tree, recipients, signer and a body
 *   of sections built from the topic's work items, shared plan phrasing and the real plans'
 *   sentences, citing its basis and citations in the text.
 *
 * Every plan passes `npm run check` (test/scripts/bench-corpus.test.ts checks a sample).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/load';
import { canonicalDocumentId } from '../../src/lib/documents/document-number';
import { renderPlanFile, type Yaml } from '../../src/lib/import/mdx';
import { slugify } from '../../src/lib/vn/slug';
import type { Agency } from '../../src/schemas/agency';
import type { RegistryDocument } from '../../src/schemas/document';
import type { DocumentReference } from '../../src/schemas/document-reference';
import type { Plan } from '../../src/schemas/plan';
import type { Report } from '../../src/schemas/report';
import {
  ACTIONS,
  DEPARTMENTS,
  DISTRICTS,
  DUTIES,
  FAMILY_NAMES,
  FUNDING,
  GIVEN_NAMES,
  GOALS,
  MASS_ORGANISATIONS,
  MIDDLE_NAMES,
  PARTY_BOARDS,
  PROVINCE,
  PURPOSES,
  QUALIFIERS,
  REPORT_TASKS,
  TOPICS,
  type Topic,
} from './corpus-vocabulary';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Years the corpus spreads its plans over. */
export const CORPUS_YEARS = { first: 2015, last: 2025 } as const;
export const DEFAULT_SEED = 20240325;

/** Deterministic PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Role = 'province' | 'department' | 'district' | 'district-office' | 'commune' | 'provincial-party' | 'party-board' | 'district-party' | 'commune-party' | 'mass';

/** An agency of the corpus with what plans need to know about it. */
interface CorpusAgency {
  id: string;
  data: Agency;
  role: Role;
  /** Ký hiệu of its plans. */
  symbol: string;
  /** Place of issue written on its plans. */
  place: string;
  /** Units it assigns work to. */
  units: string[];
  /** Where its reports go. */
  reportsTo: string | null;
  /** Topic labels it issues plans on (empty: any). */
  topics: string[];
}

export interface CorpusPlan {
  slug: string;
  data: Plan;
  body: string;
}

export interface Corpus {
  agencies: { id: string; data: Agency }[];
  documents: { id: string; data: RegistryDocument }[];
  plans: CorpusPlan[];
  reports: { slug: string; data: Report; body: string }[];
}

export interface CorpusOptions {
  plans: number;
  seed?: number;
  /** Real content folder whose registries are kept and whose bodies lend sentences (default content/). */
  from?: string;
  /**
   * Share of the published plans with targets that get a yearly results report (0–1, default 0):
   * a result for every target, the first deadlines fulfilled, issued on 15 January of the next year.
   */
  reports?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const vnDate = (isoDay: string) => {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return `${d}/${m}/${y}`;
};

function readYamlDir<T>(dir: string, parse: (text: string) => T): { id: string; data: T }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), data: parse(readFileSync(join(dir, f), 'utf8')) }));
}

/** Sentences of the real plans' bodies (list markers and headings dropped), the corpus's real prose. */
function realSentences(from: string): string[] {
  const sentences: string[] = [];
  const plansDir = join(from, 'plans');
  for (const year of readdirSync(plansDir).sort()) {
    for (const file of readdirSync(join(plansDir, year)).filter((f) => f.endsWith('.mdx')).sort()) {
      const body = splitFrontmatter(readFileSync(join(plansDir, year, file), 'utf8'))?.body ?? '';
      for (const line of body.split('\n')) {
        if (/^#/.test(line) || !line.trim()) continue;
        const text = line.replace(/^\s*(?:[-*]|\d+\.)\s+/, '');
        sentences.push(...text.split(/(?<=[.;])\s+(?=\p{Lu})/u).filter((s) => s.length > 40 && s.length < 600 && !/Trên đây là/.test(s)));
      }
    }
  }
  return sentences;
}

/** The province's agency tree (ids of the real registry are reused, never rewritten). */
function buildAgencies(): CorpusAgency[] {
  const agencies: CorpusAgency[] = [];
  const add = (a: Omit<CorpusAgency, 'units' | 'reportsTo' | 'topics'> & Partial<Pick<CorpusAgency, 'units' | 'reportsTo' | 'topics'>>) => {
    const agency: CorpusAgency = { units: [], reportsTo: null, topics: [], ...a };
    agencies.push(agency);
    return agency;
  };
  const data = (name: string, shortName: string, level: Agency['level'], parent: string | null): Agency => ({ name, shortName, level, parent, province: PROVINCE, website: null });
  const province = add({ id: 'ubnd-tinh-tay-ninh', data: data('Ủy ban nhân dân tỉnh Tây Ninh', 'UBND tỉnh', 'tỉnh', null), role: 'province', symbol: 'KH-UBND', place: PROVINCE });
  const departments = DEPARTMENTS.map((d) => {
    const name = d.name.startsWith('Thanh tra') || d.name.startsWith('Ban') || d.name.startsWith('Văn phòng') || d.name.startsWith('Bộ') || d.name.startsWith('Công an') ? `${d.name} ${PROVINCE}` : `Sở ${d.name} tỉnh ${PROVINCE}`;
    return add({
      id: `${d.id}-tay-ninh`,
      data: data(name, d.short, 'sở', province.id),
      role: 'department',
      symbol: d.symbol,
      place: PROVINCE,
      reportsTo: province.id,
      topics: TOPICS.filter((t) => t.lead === d.id).map((t) => t.label),
    });
  });
  const provincialParty = add({ id: 'tinh-uy-tay-ninh', data: data('Tỉnh ủy Tây Ninh', 'Tỉnh ủy', 'Đảng', null), role: 'provincial-party', symbol: 'KH/TU', place: PROVINCE });
  const boards = PARTY_BOARDS.map((b) =>
    add({ id: `${b.id}-tay-ninh`, data: data(`${b.name} ${PROVINCE}`, b.short, 'Đảng', provincialParty.id), role: 'party-board', symbol: `KH/${b.code}`, place: PROVINCE, reportsTo: provincialParty.id }),
  );
  const mass = MASS_ORGANISATIONS.map((m) => add({ id: `${m.id}-tay-ninh`, data: data(`${m.name} ${PROVINCE}`, m.short, 'đoàn thể', null), role: 'mass', symbol: m.symbol, place: PROVINCE }));
  const districtParties: CorpusAgency[] = [];
  DISTRICTS.forEach((district, di) => {
    const key = slugify(`${district.kind} ${district.name}`);
    const label = `${district.kind} ${district.name}`;
    const ubnd = add({
      id: `ubnd-${key}`,
      data: data(`Ủy ban nhân dân ${label}`, `UBND ${label}`, 'huyện', province.id),
      role: 'district',
      symbol: 'KH-UBND',
      place: district.name,
      reportsTo: province.id,
    });
    const office = add({ id: `phong-noi-vu-${key}`, data: data(`Phòng Nội vụ ${label}`, 'Phòng Nội vụ', 'phòng', ubnd.id), role: 'district-office', symbol: 'KH-PNV', place: district.name, reportsTo: ubnd.id });
    const partyName = { 'huyện': 'Huyện ủy', 'thị xã': 'Thị ủy', 'thành phố': 'Thành ủy' }[district.kind];
    const partyCode = { 'huyện': 'HU', 'thị xã': 'TXU', 'thành phố': 'ThU' }[district.kind];
    const party = add({
      id: `${slugify(partyName)}-${slugify(district.name)}`,
      data: data(`${partyName} ${district.name}`, partyName, 'Đảng', provincialParty.id),
      role: 'district-party',
      symbol: `KH/${partyCode}`,
      place: district.name,
      reportsTo: provincialParty.id,
    });
    districtParties.push(party);
    const communes = district.communes.map((commune, ci) => {
      const id = `ubnd-${slugify(commune)}-${slugify(district.name)}`;
      const agency = add({
        id,
        data: data(`Ủy ban nhân dân ${commune}, ${label}`, `UBND ${commune}`, 'xã', ubnd.id),
        role: 'commune',
        symbol: 'KH-UBND',
        place: commune.replace(/^(xã|phường|thị trấn) /, ''),
        reportsTo: office.id,
      });
      agency.units = [id, office.id];
      if ((di + ci) % 5 === 0) {
        add({
          id: `dang-uy-${slugify(commune)}-${slugify(district.name)}`,
          data: data(`Đảng ủy ${commune}, ${label}`, `Đảng ủy ${commune}`, 'Đảng', party.id),
          role: 'commune-party',
          symbol: 'KH/ĐU',
          place: agency.place,
          reportsTo: party.id,
          units: [id],
        });
      }
      return agency;
    });
    ubnd.units = [office.id, ...communes.map((c) => c.id)];
    office.units = [office.id, ...communes.map((c) => c.id)];
    party.units = [ubnd.id, ...agencies.filter((a) => a.role === 'commune-party' && a.data.parent === party.id).map((a) => a.id)];
  });
  province.units = [...departments.map((d) => d.id), ...agencies.filter((a) => a.role === 'district').map((a) => a.id)];
  for (const d of departments) d.units = [d.id, ...departments.filter((o) => o !== d).map((o) => o.id), ...agencies.filter((a) => a.role === 'district').map((a) => a.id)];
  provincialParty.units = [...boards.map((b) => b.id), ...districtParties.map((p) => p.id), ...mass.map((m) => m.id)];
  for (const b of boards) b.units = [b.id, ...districtParties.map((p) => p.id), ...mass.map((m) => m.id)];
  for (const m of mass) m.units = [m.id, ...agencies.filter((a) => a.role === 'district').map((a) => a.id)];
  return agencies;
}

/** Issuer roles and their share of the plans. */
const ROLE_WEIGHTS: [Role, number][] = [
  ['province', 6],
  ['department', 38],
  ['district', 12],
  ['district-office', 2],
  ['commune', 24],
  ['provincial-party', 4],
  ['party-board', 6],
  ['district-party', 4],
  ['commune-party', 2],
  ['mass', 2],
];

interface ProvincialDocumentKind {
  type: string;
  issuer: string;
  number: (n: number, year: number) => string;
  perYear: number;
  verb: string;
}

const PROVINCIAL_DOCUMENTS: ProvincialDocumentKind[] = [
  { type: 'Quyết định', issuer: 'Ủy ban nhân dân tỉnh Tây Ninh', number: (n) => `${n}/QĐ-UBND`, perYear: 8, verb: 'ban hành Kế hoạch' },
  { type: 'Chỉ thị', issuer: 'Ủy ban nhân dân tỉnh Tây Ninh', number: (n) => `${n}/CT-UBND`, perYear: 3, verb: 'về việc tăng cường' },
  { type: 'Kế hoạch', issuer: 'Ủy ban nhân dân tỉnh Tây Ninh', number: (n) => `${n}/KH-UBND`, perYear: 4, verb: '' },
  { type: 'Nghị quyết', issuer: 'Hội đồng nhân dân tỉnh Tây Ninh', number: (n, y) => `${n}/${y}/NQ-HĐND`, perYear: 2, verb: 'quy định chính sách hỗ trợ' },
  { type: 'Nghị quyết', issuer: 'Ban Chấp hành Đảng bộ tỉnh Tây Ninh', number: (n) => `${n}-NQ/TU`, perYear: 2, verb: 'về' },
  { type: 'Chỉ thị', issuer: 'Ban Thường vụ Tỉnh ủy Tây Ninh', number: (n) => `${n}-CT/TU`, perYear: 2, verb: 'về tăng cường sự lãnh đạo của Đảng đối với' },
  { type: 'Kết luận', issuer: 'Ban Thường vụ Tỉnh ủy Tây Ninh', number: (n) => `${n}-KL/TU`, perYear: 2, verb: 'về tiếp tục thực hiện' },
  { type: 'Kế hoạch', issuer: 'Ban Thường vụ Tỉnh ủy Tây Ninh', number: (n) => `${n}-KH/TU`, perYear: 2, verb: 'thực hiện' },
  { type: 'Hướng dẫn', issuer: 'Ban Dân vận Tỉnh ủy Tây Ninh', number: (n) => `${n}-HD/BDVTU`, perYear: 1, verb: 'thực hiện' },
];

/** A registry document with the topic it is about (for picking relevant citations). */
interface TopicalDocument {
  id: string;
  data: RegistryDocument;
  topic: string | null;
}

function reference(doc: { id: string; data: RegistryDocument }): DocumentReference {
  return { type: doc.data.type, number: doc.data.number, date: doc.data.date, issuer: doc.data.issuer, title: doc.data.title, document: doc.id };
}

/**
 * The corpus in memory: agencies, documents and `plans` plans, deterministic for `seed`. Plans come
 * newest year last; slugs are unique ASCII; every reference points into the registry.
 */
export function generateCorpus({ plans: count, seed = DEFAULT_SEED, from = join(root, 'content'), reports: reportShare = 0 }: CorpusOptions): Corpus {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const chance = (p: number) => rand() < p;
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]!);
    return out;
  };

  const parse = (text: string) => parseYaml(text, { version: '1.2', schema: 'core' }) as unknown;
  const realAgencies = readYamlDir(join(from, 'agencies'), parse) as { id: string; data: Agency }[];
  const realDocuments = readYamlDir(join(from, 'documents'), parse) as { id: string; data: RegistryDocument }[];
  const sentences = realSentences(from);
  const realAgencyIds = new Set(realAgencies.map((a) => a.id));
  const agencies = buildAgencies();
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const byRole = new Map<Role, CorpusAgency[]>();
  for (const a of agencies) byRole.set(a.role, [...(byRole.get(a.role) ?? []), a]);
  const topicByLabel = new Map(TOPICS.map((t) => [t.label, t]));

  // Registry: the real documents (central and local) and generated provincial ones, by year.
  const documentIds = new Set(realDocuments.map((d) => d.id));
  const documents: TopicalDocument[] = realDocuments.map((d) => ({ ...d, topic: null }));
  const usedNumbers = new Set<string>();
  for (let year = CORPUS_YEARS.first - 2; year <= CORPUS_YEARS.last; year++) {
    for (const kind of PROVINCIAL_DOCUMENTS) {
      for (let k = 0; k < kind.perYear; k++) {
        const topic = pick(TOPICS);
        const date = iso(year, int(1, 12), int(1, 28));
        let number = '';
        let id = '';
        for (let tries = 0; tries < 50; tries++) {
          number = kind.number(int(1, year >= 2020 ? 3500 : 900), year);
          const canonical = canonicalDocumentId(number, { year, typeName: kind.type });
          if (!canonical.ok) throw new Error(`corpus: ${number}: ${canonical.message}`);
          id = canonical.id;
          if (!documentIds.has(id) && !usedNumbers.has(id)) break;
        }
        usedNumbers.add(id);
        documentIds.add(id);
        const subject = pick(topic.subjects);
        const central = realDocuments.filter((d) => d.data.year <= year && /Chính phủ|Thủ tướng|Trung ương|Bộ Chính trị|Ban Bí thư|Quốc hội/.test(d.data.issuer));
        documents.push({
          id,
          topic: topic.label,
          data: {
            type: kind.type,
            number,
            aliases: [],
            date,
            year,
            issuer: kind.issuer,
            title: `${kind.verb ? `${kind.verb} ` : ''}${subject} trên địa bàn tỉnh ${pick(['năm ' + year, 'giai đoạn 2021 - 2025', 'giai đoạn 2016 - 2020', 'đến năm 2030', 'năm ' + (year + 1)])}`.replace(/^./, (c) => c.toLowerCase()),
            basis: central.length > 0 && chance(0.5) ? [pick(central).id] : [],
            plan: null,
          },
        });
      }
    }
  }
  const documentsByYear = new Map<number, TopicalDocument[]>();
  for (const doc of documents) documentsByYear.set(doc.data.year, [...(documentsByYear.get(doc.data.year) ?? []), doc]);
  const citable = (year: number, topic: string) => {
    const pool: TopicalDocument[] = [];
    for (let y = year - 6; y <= year; y++) pool.push(...(documentsByYear.get(y) ?? []));
    const onTopic = pool.filter((d) => d.topic === topic);
    return { pool, onTopic };
  };

  // Issuers: weighted roles, then a member of the role.
  const roleTotal = ROLE_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  const pickIssuer = (): CorpusAgency => {
    let r = rand() * roleTotal;
    for (const [role, weight] of ROLE_WEIGHTS) {
      r -= weight;
      if (r < 0) return pick(byRole.get(role)!);
    }
    return pick(byRole.get('department')!);
  };

  const years = CORPUS_YEARS.last - CORPUS_YEARS.first + 1;
  const slugs = new Set<string>();
  const plans: CorpusPlan[] = [];
  // Numbered provincial plans become registry documents that lower levels implement.
  const provincialPlanDocs = new Map<number, TopicalDocument[]>();
  for (let i = 0; i < count; i++) {
    // Later years hold a little more: portals grow.
    const year = CORPUS_YEARS.first + Math.min(years - 1, Math.floor(Math.sqrt(rand()) * years));
    const issuer = pickIssuer();
    const topic = issuer.topics.length > 0 && chance(0.6) ? topicByLabel.get(pick(issuer.topics))! : pick(TOPICS);
    const extraTopics = sample(TOPICS.filter((t) => t !== topic), chance(0.4) ? int(1, 2) : 0);
    const subject = pick(topic.subjects);
    const scope = issuer.role === 'commune' || issuer.role === 'commune-party' ? ' trên địa bàn xã' : issuer.role === 'district' || issuer.role === 'district-party' ? ` trên địa bàn ${issuer.data.name.replace(/^(Ủy ban nhân dân|Huyện ủy|Thị ủy|Thành ủy) /, '')}` : pick(['', ' trên địa bàn tỉnh', ' của ngành', '']);
    const period = pick([` năm ${year}`, ` năm ${year}`, ` giai đoạn ${year} - ${year + 4}`, ` 6 tháng cuối năm ${year}`, ` năm ${year} và những năm tiếp theo`]);
    const head = pick(['', '', 'Triển khai ', 'Thực hiện ', 'Tổ chức ']);
    const title = `${head}${head ? subject : subject.charAt(0).toUpperCase() + subject.slice(1)}${scope}${period}`;
    const month = chance(0.1) && year > CORPUS_YEARS.first ? 12 : int(1, 11);
    const issuedYear = month === 12 && chance(0.5) ? year - 1 : year;
    const issuedOn = chance(0.9) ? iso(issuedYear, month, int(1, 28)) : null;
    const number = issuer.symbol && chance(0.85) ? String(int(1, issuer.role === 'province' || issuer.role === 'department' ? 3200 : 400)) : null;
    const symbol = chance(0.96) ? issuer.symbol : null;

    const baseSlug = `${slugify(title, { maxLength: 70 })}-${slugify(issuer.data.shortName, { maxLength: 24 })}`;
    let slug = baseSlug;
    for (let n = 2; slugs.has(slug); n++) slug = `${baseSlug}-${n}`;
    slugs.add(slug);

    // Basis: a provincial plan of the year (when one is earlier), else documents on the topic.
    const { pool, onTopic } = citable(year, topic.label);
    const upper = (provincialPlanDocs.get(year) ?? []).filter((d) => issuedOn && d.data.date! < issuedOn && d.topic === topic.label);
    const basisDocs = [...new Set([...(upper.length > 0 && issuer.role !== 'province' && issuer.role !== 'provincial-party' && chance(0.7) ? [pick(upper)] : []), ...sample(onTopic.length > 0 ? onTopic : pool, int(1, 2))])];
    const citationDocs = sample(pool.filter((d) => !basisDocs.includes(d)), chance(0.2) ? 0 : int(1, 10));

    const targets: Plan['targets'] = sample(
      [...topic.targets, ...extraTopics.flatMap((t) => t.targets)],
      chance(0.25) ? 0 : int(1, 5),
    ).map((t) => {
      const raw = t.min + rand() * (t.max - t.min);
      const value = t.max <= 5 ? Math.round(raw * 10) / 10 : Math.round(raw);
      return { text: t.text.replace('{v}', String(value).replace('.', ',')), value, unit: t.unit, indicator: t.indicator };
    });
    if (chance(0.2)) targets.push({ text: `Phấn đấu hoàn thành các nhiệm vụ về ${pick(topic.items)} đúng tiến độ`, value: null, unit: null, indicator: null });

    const units = issuer.units.length > 0 ? sample(issuer.units, int(2, Math.min(7, issuer.units.length))) : [issuer.id];
    const item = () => pick([...topic.items, ...extraTopics.flatMap((t) => t.items)]);
    const fill = (s: string) => s.replace('{item}', item()).replace('{goal}', pick(GOALS));
    const assignments = units.map((unit) => ({ unit, duties: sample(DUTIES, int(1, 3)).map(fill) }));
    const submitTo = issuer.reportsTo && chance(0.5) ? issuer.reportsTo : issuer.id;
    const reportYear = issuedYear === year - 1 ? year : year;
    const deadlines = units.slice(0, int(1, Math.min(4, units.length))).flatMap((owner) =>
      sample(REPORT_TASKS, int(1, 2)).map((task) => ({
        date: iso(reportYear + (chance(0.1) ? 1 : 0), pick([3, 6, 6, 9, 11, 11, 12]), pick([5, 10, 15, 20, 25])),
        task: `${task}${chance(0.5) ? ` ${subject}` : ''}`,
        owner,
        submitTo: owner === submitTo ? issuer.reportsTo : submitTo,
        qualifier: pick(QUALIFIERS),
      })),
    );
    deadlines.sort((a, b) => a.date.localeCompare(b.date));

    const cite = (d: TopicalDocument) => `${d.data.type} số ${d.data.number}${d.data.date ? ` ngày ${vnDate(d.data.date)}` : ''} của ${d.data.issuer}${d.data.title ? ` ${d.data.title}` : ''}`;
    const body = planBody({ rand, pick, int, chance, topic, extra: extraTopics, issuer, title, basisDocs, citationDocs, targets, assignments: assignments.map((a) => ({ name: agencyById.get(a.unit)?.data.name ?? a.unit, duties: a.duties })), sentences, cite, year });
    const signerPool = signerOf(issuer.role);
    const signer = pick(signerPool);
    const name = chance(0.6) ? `${pick(FAMILY_NAMES)} ${pick(MIDDLE_NAMES)} ${pick(GIVEN_NAMES)}` : null;
    const data: Plan = {
      title,
      titleEn: null,
      summaryEn: null,
      docType: 'Kế hoạch',
      number: symbol ? number : null,
      symbol,
      issuer: issuer.id,
      place: issuer.place,
      issuedOn,
      year,
      status: chance(0.03) ? 'dự thảo' : 'ban hành',
      topics: [topic.label, ...extraTopics.map((t) => t.label)],
      summary: `${issuer.data.name} ban hành kế hoạch ${subject}${scope}${period}: ${sample(topic.items, 2).join(' và ')}; giao ${assignments.length} đơn vị thực hiện${deadlines[0] ? `, báo cáo đầu tiên ${deadlines[0].qualifier ?? 'ngày'} ${vnDate(deadlines[0].date)}` : ''}.`,
      basis: basisDocs.map(reference),
      citations: citationDocs.map(reference),
      targets,
      deadlines,
      assignments,
      recipients: [...new Set([...(issuer.reportsTo ? [agencyById.get(issuer.reportsTo)!.data.shortName] : []), ...units.map((u) => agencyById.get(u)?.data.shortName ?? u)])].concat('Lưu: VT'),
      signer: { ...signer, name },
      source: { file: `${slug}.pdf`, sha256: createHash('sha256').update(body).digest('hex'), signed: false },
      inferred: [],
    };
    plans.push({ slug, data, body });

    if ((issuer.role === 'province' || issuer.role === 'provincial-party') && data.number && data.symbol && issuedOn) {
      const written = `${data.number}${data.symbol.includes('/') ? '-' : '/'}${data.symbol}`;
      const canonical = canonicalDocumentId(written, { year: issuedOn, typeName: 'Kế hoạch' });
      if (canonical.ok && !documentIds.has(canonical.id)) {
        documentIds.add(canonical.id);
        const doc: TopicalDocument = {
          id: canonical.id,
          topic: topic.label,
          data: { type: 'Kế hoạch', number: written, aliases: [], date: issuedOn, year: Number(issuedOn.slice(0, 4)), issuer: issuer.data.name, title: title.charAt(0).toLowerCase() + title.slice(1), basis: basisDocs.map((d) => d.id), plan: slug },
        };
        documents.push(doc);
        provincialPlanDocs.set(year, [...(provincialPlanDocs.get(year) ?? []), doc]);
      }
    }
  }

  return {
    agencies: [...realAgencies, ...agencies.filter((a) => !realAgencyIds.has(a.id)).map(({ id, data }) => ({ id, data }))],
    documents: documents.map(({ id, data }) => ({ id, data })),
    plans,
    reports: reportShare > 0 ? yearlyReports(plans, reportShare, { chance, pick, rand }) : [],
  };
}

/** One yearly results report for a share of the published plans with targets (see CorpusOptions.reports). */
function yearlyReports(
  plans: readonly CorpusPlan[],
  share: number,
  { chance, pick, rand }: { chance: (p: number) => boolean; pick: <T>(list: readonly T[]) => T; rand: () => number },
): Corpus['reports'] {
  const reports: Corpus['reports'] = [];
  for (const plan of plans) {
    const { data } = plan;
    if (data.status !== 'ban hành' || data.targets.length === 0 || !chance(share)) continue;
    const issuedOn = iso(data.year + 1, 1, 15);
    const results = data.targets.map((target, i) => {
      if (target.value === null) {
        return { plan: plan.slug, target: i + 1, value: null, unit: null, outcome: 'Đã triển khai thực hiện theo kế hoạch', status: 'đạt' as const, evidence: `Về chỉ tiêu "${target.text}": đã triển khai thực hiện theo kế hoạch.` };
      }
      const value = Math.round(target.value * (0.85 + rand() * 0.3) * 10) / 10;
      const status = value > target.value ? ('vượt' as const) : value === target.value ? ('đạt' as const) : pick(['chưa đạt', 'đang thực hiện'] as const);
      return { plan: plan.slug, target: i + 1, value, unit: target.unit, outcome: null, status, evidence: `Kết quả ${target.indicator ?? target.text}: ${value}${target.unit ?? ''}.` };
    });
    const met = results.filter((r) => r.status === 'đạt' || r.status === 'vượt').length;
    const body = `## I. KẾT QUẢ THỰC HIỆN\n\n${results.map((r) => `- ${r.evidence}`).join('\n')}\n\n## II. PHƯƠNG HƯỚNG NĂM ${data.year + 1}\n\nTiếp tục thực hiện các nhiệm vụ của kế hoạch.\n`;
    reports.push({
      slug: `bao-cao-ket-qua-${plan.slug}`,
      data: {
        title: `Kết quả thực hiện Kế hoạch ${data.title.charAt(0).toLowerCase()}${data.title.slice(1)}`,
        docType: 'Báo cáo',
        number: data.number,
        symbol: data.symbol ? data.symbol.replace(/^KH/, 'BC') : null,
        issuer: data.issuer,
        place: data.place,
        issuedOn,
        year: data.year,
        status: 'ban hành',
        plans: [plan.slug],
        period: { kind: 'năm', from: iso(data.year, 1, 1), to: iso(data.year, 12, 31) },
        summary: `Đạt ${met}/${results.length} chỉ tiêu của kế hoạch năm ${data.year}.`,
        results,
        fulfils: data.deadlines.slice(0, 2).map((_, i) => ({ plan: plan.slug, deadline: i + 1, on: issuedOn })),
        signer: data.signer,
        source: { file: `bao-cao-ket-qua-${plan.slug}.pdf`, sha256: createHash('sha256').update(body).digest('hex'), signed: false },
      },
      body,
    });
  }
  return reports;
}

function signerOf(role: Role): { authority: string | null; title: string }[] {
  switch (role) {
    case 'province':
    case 'district':
    case 'commune':
      return [{ authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }, { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }];
    case 'department':
      return [{ authority: null, title: 'GIÁM ĐỐC' }, { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' }];
    case 'district-office':
      return [{ authority: null, title: 'TRƯỞNG PHÒNG' }, { authority: 'KT. TRƯỞNG PHÒNG', title: 'PHÓ TRƯỞNG PHÒNG' }];
    case 'party-board':
      return [{ authority: null, title: 'TRƯỞNG BAN' }, { authority: 'K/T TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN' }];
    case 'mass':
      return [{ authority: 'TM. BAN THƯỜNG TRỰC', title: 'CHỦ TỊCH' }, { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }];
    default:
      return [{ authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' }, { authority: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ' }];
  }
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

interface BodyInput {
  rand: () => number;
  pick: <T>(list: readonly T[]) => T;
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  topic: Topic;
  extra: Topic[];
  issuer: CorpusAgency;
  title: string;
  basisDocs: TopicalDocument[];
  citationDocs: TopicalDocument[];
  targets: { text: string }[];
  assignments: { name: string; duties: string[] }[];
  sentences: string[];
  cite: (d: TopicalDocument) => string;
  year: number;
}

/** The plan text: basis lines, then the sections real plans have, in their order and register. */
function planBody(input: BodyInput): string {
  const { pick, int, chance, topic, extra, issuer, title, basisDocs, citationDocs, targets, assignments, sentences, cite } = input;
  const items = [...topic.items, ...extra.flatMap((t) => t.items)];
  const fill = (s: string) => s.replace('{item}', pick(items)).replace('{goal}', pick(GOALS));
  const sentence = () => {
    if (chance(0.3) && sentences.length > 0) return pick(sentences);
    const action = pick(ACTIONS);
    const tail = chance(0.5) ? `, ${pick(GOALS)}` : chance(0.5) ? ` trên địa bàn ${issuer.place}` : '';
    return `${action} ${pick(items)}${tail}.`;
  };
  const lines: string[] = [];
  basisDocs.forEach((doc, i) => lines.push(`${i === 0 ? 'Thực hiện' : 'Căn cứ'} ${cite(doc)};`, ''));
  lines.push(`${issuer.data.name} ban hành Kế hoạch ${title.charAt(0).toLowerCase()}${title.slice(1)}, cụ thể như sau:`, '');
  let section = 0;
  const heading = (text: string) => lines.push(`## ${ROMAN[section++]}. ${text}`, '');
  // Each purpose line at most once per plan.
  const purposes = PURPOSES.map((p) => ({ p, k: input.rand() })).sort((a, b) => a.k - b.k).map(({ p }) => p);
  heading('MỤC ĐÍCH, YÊU CẦU');
  lines.push('### 1. Mục đích', '');
  for (let k = int(2, 3); k > 0; k--) lines.push(`- ${fill(purposes.shift()!)}`);
  lines.push('', '### 2. Yêu cầu', '');
  for (let k = int(2, 3); k > 0; k--) lines.push(`- ${chance(0.5) && purposes.length > 0 ? fill(purposes.shift()!) : sentence()}`);
  lines.push('');
  if (targets.length > 0) {
    heading('CHỈ TIÊU');
    for (const t of targets) lines.push(`- ${t.text}.`);
    lines.push('');
  }
  heading('NHIỆM VỤ, GIẢI PHÁP');
  const citations = [...citationDocs];
  for (let s = 1, n = int(3, 7); s <= n; s++) {
    const focus = pick(items);
    lines.push(`### ${s}. ${pick(ACTIONS)} ${focus}`, '');
    for (let k = int(2, 5); k > 0; k--) {
      if (citations.length > 0 && chance(0.4)) lines.push(`- Tiếp tục quán triệt, triển khai thực hiện ${cite(citations.shift()!)}.`);
      else lines.push(`- ${sentence()}`);
    }
    lines.push('');
  }
  if (citations.length > 0) lines.push(`Các cơ quan, đơn vị tiếp tục thực hiện ${citations.map(cite).join('; ')}.`, '');
  heading('KINH PHÍ THỰC HIỆN');
  lines.push(pick(FUNDING), '');
  heading('TỔ CHỨC THỰC HIỆN');
  assignments.forEach((a, i) => {
    lines.push(`### ${i + 1}. ${a.name}`, '');
    for (const duty of a.duties) lines.push(`- ${duty}`);
    lines.push('');
  });
  lines.push(`Trên đây là Kế hoạch ${title.charAt(0).toLowerCase()}${title.slice(1)} của ${issuer.data.name}./.`, '');
  return lines.join('\n');
}


/** What `writeCorpus` wrote. */
export interface CorpusSummary {
  plans: number;
  reports: number;
  agencies: number;
  documents: number;
  years: string;
  bytes: number;
  ms: number;
}

/**
 * Writes the corpus as a content folder in `dir` (emptied first): `plans/{year}/{slug}.mdx`,
 * `agencies/{id}.yaml`, `documents/{id}.yaml`. Point a build at it with KE_HOACH_CONTENT_DIR.
 * @example writeCorpus('tmp/bench-content', { plans: 5000, seed: 1 })
 */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const started = performance.now();
  const corpus = generateCorpus(options);
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  };
  for (const folder of ['agencies', 'documents']) mkdirSync(join(dir, folder), { recursive: true });
  for (const { id, data } of corpus.agencies) write(join(dir, 'agencies', `${id}.yaml`), stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }));
  for (const { id, data } of corpus.documents) write(join(dir, 'documents', `${id}.yaml`), stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }));
  const years = new Set<number>();
  for (const { slug, data, body } of corpus.plans) {
    if (!years.has(data.year)) mkdirSync(join(dir, 'plans', String(data.year)), { recursive: true });
    years.add(data.year);
    write(join(dir, 'plans', String(data.year), `${slug}.mdx`), renderPlanFile(data as unknown as Record<string, Yaml>, body));
  }
  for (const { slug, data, body } of corpus.reports) {
    mkdirSync(join(dir, 'reports', String(data.year)), { recursive: true });
    write(join(dir, 'reports', String(data.year), `${slug}.mdx`), renderPlanFile(data as unknown as Record<string, Yaml>, body));
  }
  const sorted = [...years].sort();
  return {
    plans: corpus.plans.length,
    reports: corpus.reports.length,
    agencies: corpus.agencies.length,
    documents: corpus.documents.length,
    years: `${sorted[0]}–${sorted.at(-1)}`,
    bytes,
    ms: performance.now() - started,
  };
}
