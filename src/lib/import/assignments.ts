/**
 * TỔ CHỨC THỰC HIỆN: which unit does what. Each numbered item names a unit ("1. Văn phòng Sở") and
 * its paragraphs and bullets are that unit's duties; a paragraph that opens with another registered
 * unit ("Phòng Thông tin Báo chí và Xuất bản chủ động …") is that unit's duty.
 */
import { matchAgency, readUnitAt, startsWithUnit, cleanUnitName, type AgencyContext, type AgencyMatch, type KnownAgency } from './agencies';
import { findSection, sectionBlocks, type Outline, type Section } from './outline';
import { blockText, type Block } from './repair';

/** A unit and the blocks of the plan that are its duties. */
export interface UnitScope {
  /** The unit as the plan names it. */
  name: string;
  match: AgencyMatch;
  /** The blocks that are its duties (the heading excluded). */
  blocks: Block[];
  /** Duty texts, in order: the block text, the unit's name dropped when the block opened with it. */
  duties: string[];
}

export interface ExtractedAssignment {
  unit: string;
  duties: string[];
}

const CLOSING = /^Trên đây là(?![\p{L}\p{M}])/u;

/** The TỔ CHỨC THỰC HIỆN section, or undefined. */
export function findImplementationSection(outline: Outline): Section | undefined {
  return findSection(outline, 'to chuc thuc hien');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A duty as the plan words it, without the closing "./." */
function dutyText(text: string): string {
  return text.replace(/\s*\.\/\.\s*$/, '.').trim();
}

/**
 * Units named by a heading: usually one ("Văn phòng Sở"), sometimes a list ("Văn phòng Sở và Thanh tra Sở").
 * @example unitsOfHeading('Văn phòng Sở và Thanh tra Sở') // ['Văn phòng Sở', 'Thanh tra Sở']
 */
export function unitsOfHeading(text: string, agencies: readonly KnownAgency[], context: AgencyContext): string[] {
  const name = cleanUnitName(text);
  if (agencies.length && matchAgency(name, agencies, context).known) return [name];
  // "Văn phòng Sở và Phòng Thông tin Báo chí và Xuất bản": units read one after the other, each
  // the longest registered name; the list counts only when it covers the whole heading.
  const names: string[] = [];
  let at = 0;
  for (;;) {
    const unit = readUnitAt(name.slice(at), agencies, context);
    if (!unit) break;
    names.push(unit.name);
    at += unit.length;
    const joiner = /^\s*(?:,|;|và)\s+/u.exec(name.slice(at));
    if (!joiner) break;
    at += joiner[0].length;
  }
  if (names.length > 1 && name.slice(at).trim() === '') return names;
  return [name];
}

/**
 * Units that a sentence opens with: "Văn phòng Sở và Thanh tra Sở báo cáo …" → both. Only units the
 * registry knows count, unless the sentence lists two or more: a lone unknown phrase at the start of a
 * sentence is more often a group the plan describes ("Các đơn vị sự nghiệp trực thuộc Sở căn cứ …").
 */
export function subjectUnits(
  sentence: string,
  agencies: readonly KnownAgency[],
  context: AgencyContext,
): Array<{ name: string; match: AgencyMatch; end: number }> {
  const found: Array<{ name: string; match: AgencyMatch; end: number }> = [];
  let at = 0;
  for (;;) {
    const unit = readUnitAt(sentence.slice(at), agencies, context);
    if (!unit) break;
    found.push({ name: unit.name, match: unit.match, end: at + unit.length });
    at += unit.length;
    const joiner = /^\s*(?:,|và|cùng)\s+/u.exec(sentence.slice(at));
    if (!joiner) break;
    at += joiner[0].length;
  }
  if (found.length === 1 && !found[0]!.match.known) return [];
  return found;
}

function scopeOf(name: string, agencies: readonly KnownAgency[], context: AgencyContext): UnitScope {
  return { name, match: matchAgency(name, agencies, context), blocks: [], duties: [] };
}

/** Adds a block to the scope, or to a new scope when the block opens with another registered unit. */
function addBlock(scopes: UnitScope[], current: UnitScope, block: Block, agencies: readonly KnownAgency[], context: AgencyContext): void {
  const text = block.text;
  if (CLOSING.test(text)) return;
  const subjects = block.kind === 'paragraph' ? subjectUnits(text, agencies, context) : [];
  // One registered unit as the subject: its own duty. Several ("Văn phòng Sở và Thanh tra Sở …"): a joint
  // duty of the item, whose deadlines go to each of them.
  const lead = subjects.length === 1 ? readUnitAt(text, agencies, context) : null;
  if (lead && lead.match.known && lead.match.id !== current.match.id && lead.match.how === 'exact') {
    const rest = text.slice(lead.length).trim();
    let other = scopes.find((s) => s.match.id === lead.match.id);
    if (!other) {
      other = { name: lead.name, match: lead.match, blocks: [], duties: [] };
      scopes.push(other);
    }
    other.blocks.push(block);
    other.duties.push(dutyText(capitalize(rest)));
    return;
  }
  current.blocks.push(block);
  current.duties.push(dutyText(block.kind === 'item' ? blockText(block) : text));
}

function collectSection(section: Section, scopes: UnitScope[], current: UnitScope, agencies: readonly KnownAgency[], context: AgencyContext): void {
  for (const block of section.content) addBlock(scopes, current, block, agencies, context);
  for (const child of section.children) {
    if (startsWithUnit(child.block.text) || (agencies.length && matchAgency(child.block.text, agencies, context).known)) {
      collectUnitSection(child, scopes, agencies, context);
    } else if (child.content.length === 0 && child.children.length === 0) {
      addBlock(scopes, current, child.block, agencies, context);
    } else {
      for (const b of sectionBlocks(child)) addBlock(scopes, current, b, agencies, context);
    }
  }
}

function collectUnitSection(section: Section, scopes: UnitScope[], agencies: readonly KnownAgency[], context: AgencyContext): void {
  const names = unitsOfHeading(section.block.text, agencies, context);
  const own = names.map((n) => {
    const scope = scopeOf(n, agencies, context);
    scopes.push(scope);
    return scope;
  });
  const first = own[0]!;
  collectSection(section, scopes, first, agencies, context);
  // A heading naming several units gives each of them the same duties.
  for (const other of own.slice(1)) {
    other.blocks = [...first.blocks];
    other.duties = [...first.duties];
  }
}

/**
 * The units of TỔ CHỨC THỰC HIỆN with their duties, in order.
 * @example findUnitScopes(outline, agencies, { issuer: 'so-tttt-tay-ninh' }).map((s) => s.match.id)
 * // ['van-phong-so-tttt-tay-ninh', 'cac-phong-don-vi-so-tttt-tay-ninh', 'phong-ttbc-xb-so-tttt-tay-ninh', …]
 */
export function findUnitScopes(outline: Outline, agencies: readonly KnownAgency[], context: AgencyContext): UnitScope[] {
  const section = findImplementationSection(outline);
  if (!section) return [];
  const scopes: UnitScope[] = [];
  if (section.children.length) {
    for (const child of section.children) {
      if (startsWithUnit(child.block.text) || (agencies.length && matchAgency(child.block.text, agencies, context).known) || child.content.length || child.children.length) {
        collectUnitSection(child, scopes, agencies, context);
      }
    }
  }
  // Paragraphs straight under the heading: each one that opens with a unit starts that unit's duties.
  let current: UnitScope | undefined;
  for (const block of section.content) {
    const lead = readUnitAt(block.text, agencies, context);
    if (lead) {
      current = scopes.find((s) => s.match.id === lead.match.id);
      if (!current) {
        current = { name: lead.name, match: lead.match, blocks: [], duties: [] };
        scopes.push(current);
      }
      current.blocks.push(block);
      const rest = block.text.slice(lead.length).trim();
      current.duties.push(dutyText(capitalize(rest || block.text)));
    } else if (current && !CLOSING.test(block.text)) {
      current.blocks.push(block);
      current.duties.push(dutyText(block.text));
    }
  }
  return scopes;
}

/** Assignments for the frontmatter: one per unit, duties in order. */
export function extractAssignments(scopes: readonly UnitScope[]): ExtractedAssignment[] {
  const out: ExtractedAssignment[] = [];
  for (const scope of scopes) {
    if (scope.duties.length === 0) continue;
    const existing = out.find((a) => a.unit === scope.match.id);
    if (existing) existing.duties.push(...scope.duties);
    else out.push({ unit: scope.match.id, duties: [...scope.duties] });
  }
  return out;
}
