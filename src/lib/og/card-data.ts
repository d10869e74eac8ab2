/**
 * What a plan's share card shows, picked from the plan and the registries. Plain JSON: its hash is
 * the image cache key, so anything that changes the picture must be in here.
 */
import { agencyLevelLabel } from '../agency-level';
import type { Plan } from '../../schemas/plan';
import type { Agency } from '../../schemas/agency';
import type { SiteConfig } from '../../site.config';
import { formatPlanNumber } from '../catalog/plan-number';
import { compareIsoDates, formatVietnameseDate } from '../vn/dates';
import { formatNumber } from '../vn/numbers';

/** Colours of the card, from site.config. */
export interface CardTheme {
  primary: string;
  primaryDark: string;
  accent: string;
  ink: string;
  muted: string;
  surface: string;
  border: string;
  onPrimary: string;
}

/** One highlighted fact: a target ("100" "%") or a deadline ("10/11/2024"). */
export interface CardHighlight {
  /** The prominent part: a number or a date; null for a qualitative target. */
  value: string | null;
  /** Unit drawn after the value ("%", "cuộc"), or null. */
  unit: string | null;
  /** What it is about. */
  label: string;
  /** A second, quieter line (the responsible unit of a deadline), or null. */
  note: string | null;
}

export interface CardData {
  agencyName: string;
  /** "Cấp sở", "Cơ quan Đảng"…, or null when the agency is unknown. */
  agencyLevel: string | null;
  /** "Kế hoạch". */
  docType: string;
  title: string;
  /** "859/KH-UBND", or null when the copy has no number. */
  number: string | null;
  /** "25/3/2024", or null when the issue date is unknown. */
  date: string | null;
  year: number;
  /** Heading above the highlights ("Chỉ tiêu", "Thời hạn"), null when there are none. */
  highlightsHeading: string | null;
  /** At most three. */
  highlights: CardHighlight[];
  /** Shown instead of highlights when the plan has neither targets nor deadlines. */
  summary: string;
  /** The portal's address without the scheme: "congthongtin.tayninh.gov.vn/ke-hoach-mo". */
  portal: string;
  siteName: string;
  theme: CardTheme;
}


/**
 * The portal's public address as people type it: no scheme, no trailing slash.
 * @example portalAddress('https://tayninh.gov.vn', '/ke-hoach-mo/') // 'tayninh.gov.vn/ke-hoach-mo'
 */
export function portalAddress(siteUrl: string, base = '/'): string {
  const url = new URL(base, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  return `${url.host}${url.pathname}`.replace(/\/+$/, '');
}


function sentenceCase(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** A target's text without the number it starts with, which the card shows big beside it. */
function targetLabel(text: string, value: number, unit: string | null): string {
  const written = String(value).replace('.', '[.,]');
  const leading = new RegExp(`^\\s*(?:đạt\\s+)?${written}\\s*${unit ? unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : ''}\\s*`, 'iu');
  const stripped = text.replace(leading, '');
  return stripped === text ? text : sentenceCase(stripped);
}

export interface CardDataInput {
  plan: Plan;
  /** The issuing agency, or undefined when it is not in the registry. */
  issuer: Agency | undefined;
  /** Short name of an agency id, for deadline owners; falls back to the id. */
  agencyShortName: (id: string) => string | undefined;
  site: Pick<SiteConfig, 'name'> & { colors: CardTheme };
  /** Address printed at the bottom, see portalAddress. */
  portal: string;
}

/**
 * The card data of a plan whose agencies are looked up by id (the catalog's, or the editor's
 * registry), in a deployment's frame: its site and the portal address printed at the bottom.
 */
export function planCardDataWith(plan: Plan, agencies: ReadonlyMap<string, { data: Agency }>, frame: Pick<CardDataInput, 'site' | 'portal'>): CardData {
  return planCardData({
    plan,
    issuer: agencies.get(plan.issuer)?.data,
    agencyShortName: (id) => agencies.get(id)?.data.shortName,
    ...frame,
  });
}

/**
 * Picks the card's content: up to three measurable targets; for plans without them the first
 * deadlines in date order; else up to three qualitative targets; else the summary alone.
 */
export function planCardData({ plan, issuer, agencyShortName, site, portal }: CardDataInput): CardData {
  const measurable = plan.targets.filter((t) => t.value !== null);
  let highlightsHeading: string | null = null;
  let highlights: CardHighlight[] = [];

  if (measurable.length > 0) {
    highlightsHeading = 'Chỉ tiêu';
    highlights = measurable.slice(0, 3).map((t) => ({
      value: formatNumber(t.value!),
      unit: t.unit,
      label: t.indicator ?? targetLabel(t.text, t.value!, t.unit),
      note: null,
    }));
  } else if (plan.deadlines.length > 0) {
    highlightsHeading = 'Thời hạn';
    const seen = new Set<string>();
    highlights = [...plan.deadlines]
      .sort((a, b) => compareIsoDates(a.date, b.date))
      .filter((d) => {
        const key = `${d.date}\u0000${d.task}\u0000${d.owner}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, 3)
      .map((d) => ({
        value: formatVietnameseDate(d.date, 'short'),
        unit: null,
        label: d.task,
        note: agencyShortName(d.owner) ?? null,
      }));
  } else if (plan.targets.length > 0) {
    highlightsHeading = 'Mục tiêu';
    highlights = plan.targets.slice(0, 3).map((t) => ({ value: null, unit: null, label: t.indicator ?? t.text, note: null }));
  }

  const frame = cardFrame(plan.issuer, issuer, site, portal);
  // Key order is the cache key's order (the JSON is hashed): agency first, portal and theme last.
  return {
    agencyName: frame.agencyName,
    agencyLevel: frame.agencyLevel,
    docType: plan.docType,
    title: plan.title,
    number: plan.number ? formatPlanNumber(plan) : null,
    date: plan.issuedOn ? formatVietnameseDate(plan.issuedOn, 'short') : null,
    year: plan.year,
    highlightsHeading,
    highlights,
    summary: plan.summary,
    portal: frame.portal,
    siteName: frame.siteName,
    theme: frame.theme,
  };
}

/** What every card shares whatever it is about: the issuing agency's header, the portal line and the theme. */
export function cardFrame(
  issuerId: string,
  issuer: Agency | undefined,
  site: CardDataInput['site'],
  portal: string,
): Pick<CardData, 'agencyName' | 'agencyLevel' | 'portal' | 'siteName' | 'theme'> {
  const c = site.colors;
  return {
    agencyName: issuer?.name ?? issuerId,
    agencyLevel: issuer ? agencyLevelLabel(issuer.level) : null,
    portal,
    siteName: site.name,
    theme: {
      primary: c.primary,
      primaryDark: c.primaryDark,
      accent: c.accent,
      ink: c.ink,
      muted: c.muted,
      surface: c.surface,
      border: c.border,
      onPrimary: c.onPrimary,
    },
  };
}
