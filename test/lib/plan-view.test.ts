import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/lib/content/load';
import type { Agency } from '../../src/schemas/agency';
import type { Plan } from '../../src/schemas/plan';
import {
  agencyRef,
  agencyDisplayName,
  assignmentViews,
  deadlineViews,
  deadlineWhen,
  latestDeadlines,
  officialHeader,
  keepNameTogether,
  placeAndDateText,
  planCard,
  planDateShort,
  planNumberText,
  planPanels,
  referenceSentence,
  referenceView,
  signerView,
  statusView,
  inferredNotes,
  symbolOfUnnumbered,
  targetViews,
  UNKNOWN,
  type AgencyLookup,
} from '../../src/lib/plan-view';

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
const content = loadContent(contentDir);
const agencies: AgencyLookup = new Map(content.agencies.map((a) => [a.id, { data: a.data }]));
const plans = content.plans;
const planBySlug = (slug: string) => plans.find((p) => p.slug === slug)!.data;

function agency(data: Partial<Agency> & Pick<Agency, 'name'>): { data: Agency } {
  return { data: { shortName: data.name, level: 'sở', parent: null, province: null, website: null, ...data } };
}

describe('the seed content under test', () => {
  it('loads every plan and the registries', () => {
    expect(plans.length).toBeGreaterThanOrEqual(5);
    expect(agencies.size).toBeGreaterThan(0);
  });
});

describe('số/ký hiệu', () => {
  it('prints a numbered plan in both grammars', () => {
    expect(planNumberText({ number: '859', symbol: 'KH-UBND' })).toBe('859/KH-UBND');
    expect(planNumberText({ number: '110', symbol: 'KH/BDVTU-BCSĐUBND' })).toBe('110-KH/BDVTU-BCSĐUBND');
  });

  it('says "Chưa ghi số" one way for every unnumbered copy, keeping the ký hiệu apart', () => {
    for (const { slug, data } of plans) {
      if (data.number) continue;
      expect(planNumberText(data), slug).toBe(UNKNOWN.number);
      expect(symbolOfUnnumbered(data), slug).toBe(data.symbol);
    }
    expect(symbolOfUnnumbered({ number: '859', symbol: 'KH-UBND' })).toBeNull();
  });
});

describe('place and date', () => {
  it('writes the date the way documents do', () => {
    expect(placeAndDateText({ place: 'Tây Ninh', issuedOn: '2024-03-25' })).toBe('Tây Ninh, ngày 25 tháng 3 năm 2024');
    expect(placeAndDateText({ place: 'Tây Ninh', issuedOn: '2024-01-05' })).toBe('Tây Ninh, ngày 05 tháng 01 năm 2024');
    expect(planDateShort({ issuedOn: '2024-03-25', year: 2024 })).toBe('25/3/2024');
  });

  it('records an unknown issue date as unknown on every seed plan that leaves it blank', () => {
    for (const { slug, data } of plans) {
      if (data.issuedOn) continue;
      expect(placeAndDateText(data), slug).toBe(`${data.place}, chưa ghi ngày ban hành`);
      expect(planDateShort(data), slug).toBe(`Năm ${data.year}`);
    }
  });

  it('finds what the copy says about an inferred value', () => {
    const inferred = [{ field: 'place', note: 'Bản gốc không có dòng địa danh, ngày tháng' }];
    expect(inferredNotes({ inferred }).get('place')).toBe(inferred[0]!.note);
  });
});

describe('statusView', () => {
  const signed = { status: 'ban hành' as const, number: '859', issuedOn: '2024-03-25', signer: { name: 'Nguyễn Văn A' } };
  it('says "Đã ban hành" only for a copy with its number, date and signer', () => {
    expect(statusView(signed)).toEqual({ label: 'Đã ban hành', complete: true, note: null });
    expect(statusView({ ...signed, status: 'dự thảo' }).label).toBe('Dự thảo');
  });
  it('names what an incomplete copy lacks, in words a citizen understands', () => {
    expect(statusView({ ...signed, number: null }).label).toBe('Bản chưa ghi số');
    const blank = statusView({ ...signed, number: null, issuedOn: null, signer: { name: null } });
    expect(blank.label).toBe('Bản chưa ghi số, ngày ban hành, tên người ký');
    expect(blank.complete).toBe(false);
    expect(blank.note).toMatch(/không phải bản đã ký/);
  });
  it('never calls a seed copy "Đã ban hành" beside its blanks', () => {
    for (const { slug, data } of plans) {
      if (!data.number || !data.issuedOn || !data.signer.name) expect(statusView(data).label, slug).not.toBe('Đã ban hành');
    }
  });
});

const spaced = (text: string | null) => text?.replace(/\u00a0/g, ' ') ?? null;

describe('keepNameTogether', () => {
  it('lets a name wrap only before "VÀ", after a comma or before an administrative unit', () => {
    const breaks = (name: string) => keepNameTogether(name).split(' ').map((part) => part.replace(/\u00a0/g, '_'));
    expect(breaks('SỞ THÔNG TIN VÀ TRUYỀN THÔNG')).toEqual(['SỞ_THÔNG_TIN', 'VÀ_TRUYỀN_THÔNG']);
    expect(breaks('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH')).toEqual(['SỞ_VĂN_HÓA,', 'THỂ_THAO', 'VÀ_DU_LỊCH']);
    expect(breaks('ỦY BAN NHÂN DÂN TỈNH TÂY NINH')).toEqual(['ỦY_BAN_NHÂN_DÂN', 'TỈNH_TÂY_NINH']);
  });
});

describe('officialHeader (the printed document)', () => {
  it('puts the cơ quan chủ quản above the issuer and drops the province they share', () => {
    const plan = plans.find((p) => p.data.issuer === 'so-tttt-tay-ninh')!.data;
    const header = officialHeader(plan, agencies);
    expect(spaced(header.parent)).toBe('ỦY BAN NHÂN DÂN TỈNH TÂY NINH');
    expect(spaced(header.agency)).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(header.nation).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header.motto).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(header.docType).toBe('KẾ HOẠCH');
  });

  it('keeps a name that does not repeat the parent place (a commune under a district)', () => {
    const plan = planBySlug('dan-van-chinh-quyen-2024-ubnd-xa-minh-tam');
    const header = officialHeader(plan, agencies);
    expect(spaced(header.parent)).toBe('ỦY BAN NHÂN DÂN HUYỆN HỚN QUẢN');
    expect(spaced(header.agency)).toBe('ỦY BAN NHÂN DÂN XÃ MINH TÂM');
    // The copy has no "Số:" line and no place-and-date line: print keeps the Số line blank
    // (Nghị định 30/2020) and leaves out the place the portal inferred.
    expect(header.number).toMatch(/^Số:\s+$/);
    expect(header.placeAndDate).toMatch(/^ngày\s+tháng\s+năm 2024$/);
  });

  it('prints an unnumbered copy with a blank before the ký hiệu, as signed copies are', () => {
    const plan = planBySlug('dan-van-chinh-quyen-2025-so-vhttdl-tay-ninh');
    expect(officialHeader(plan, agencies).number).toMatch(/^Số:\s+\/KH-SVHTTDL$/);
    const numbered = { ...plan, number: '12', issuedOn: '2025-03-14' } satisfies Plan;
    const header = officialHeader(numbered, agencies);
    expect(header.number).toBe('Số: 12/KH-SVHTTDL');
    expect(header.placeAndDate).toBe('Tây Ninh, ngày 14 tháng 3 năm 2025');
  });

  it('uses the Party heading for a Party body', () => {
    const party: AgencyLookup = new Map([['ban-dan-van', agency({ name: 'Ban Dân vận Tỉnh ủy Tây Ninh', level: 'Đảng' })]]);
    const plan = { ...plans[0]!.data, issuer: 'ban-dan-van', number: '100', symbol: 'KH/BDVTU' } satisfies Plan;
    const header = officialHeader(plan, party);
    expect(header.nation).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(header.motto).toBeNull();
    expect(header.parent).toBeNull();
    expect(header.number).toBe('Số: 100-KH/BDVTU');
  });
});

describe('references', () => {
  const references = plans.flatMap((p) => [...p.data.basis, ...p.data.citations]);

  it('label, date and link every reference in the seed plans', () => {
    expect(references.length).toBeGreaterThan(20);
    for (const ref of references) {
      const view = referenceView(ref);
      expect(view.label).toBe(`${ref.type} số ${ref.number}`);
      expect(view.path).toBe(`van-ban/${ref.document}/`);
      if (ref.date) expect(view.date).toMatch(/^\d{2}\/\d{1,2}\/\d{4}$/);
      else expect(view.date).toBeNull();
    }
  });

  it('reads as a citation sentence, leaving out what the plan does not give', () => {
    expect(
      referenceSentence({ type: 'Chỉ thị', number: '33/CT-TTg', date: '2021-11-26', issuer: 'Thủ tướng Chính phủ', title: 'về công tác dân vận', document: '33-ct-ttg' }),
    ).toBe('Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về công tác dân vận');
    expect(referenceSentence({ type: 'Nghị định', number: '20/2021/NĐ-CP', date: null, issuer: null, title: null, document: '20-2021-nd-cp' })).toBe(
      'Nghị định số 20/2021/NĐ-CP',
    );
  });
});

describe('targets', () => {
  it('keeps every seed target text and says which are measurable', () => {
    for (const { slug, data } of plans) {
      const views = targetViews(data.targets);
      expect(views.map((v) => v.text), slug).toEqual(data.targets.map((t) => t.text));
      views.forEach((v, i) => expect(v.quantitative, slug).toBe(data.targets[i]!.value !== null));
    }
  });
});

describe('deadlines', () => {
  it('words the date with its qualifier', () => {
    expect(deadlineWhen({ date: '2024-11-10', qualifier: 'trước ngày' })).toBe('trước ngày 10/11/2024');
    expect(deadlineWhen({ date: '2025-11-10', qualifier: 'chậm nhất' })).toBe('chậm nhất ngày 10/11/2025');
    expect(deadlineWhen({ date: '2024-05-10', qualifier: null })).toBe('ngày 10/5/2024');
  });

  it('lists every seed deadline once, by date, with agency names instead of ids', () => {
    for (const { slug, data } of plans) {
      const views = deadlineViews(data.deadlines, agencies);
      expect(views.length, slug).toBe(data.deadlines.length);
      expect(views.map((v) => v.dateIso), slug).toEqual(data.deadlines.map((d) => d.date).sort());
      for (const v of views) {
        const source = data.deadlines[v.position]!;
        expect(v.task).toBe(source.task);
        expect(v.owner.name).toBe(agencyDisplayName(agencies.get(source.owner)!.data));
        expect(v.owner.path).toBe(`co-quan/${source.owner}/`);
        expect(v.submitTo?.id ?? null).toBe(source.submitTo);
      }
    }
  });

  it('takes the latest n across plans, in date order', () => {
    const rows = ['2024-05-10', '2023-10-25', '2025-11-10', '2024-11-10'].map((date) => ({ deadline: { date } }));
    expect(latestDeadlines(rows, 2).map((r) => r.deadline.date)).toEqual(['2024-11-10', '2025-11-10']);
    expect(latestDeadlines(rows, 10)).toHaveLength(4);
  });
});

describe('assignments', () => {
  it('shows every unit of TỔ CHỨC THỰC HIỆN with all its duties and its own deadlines', () => {
    for (const { slug, data } of plans) {
      const views = assignmentViews(data, agencies);
      expect(views.map((v) => v.unit.id), slug).toEqual([...new Set(data.assignments.map((a) => a.unit))]);
      for (const v of views) {
        expect(v.unit.name).toBe(agencyDisplayName(agencies.get(v.unit.id)!.data));
        expect(v.duties).toEqual(data.assignments.filter((a) => a.unit === v.unit.id).flatMap((a) => a.duties));
        expect(v.deadlines.map((d) => d.task).sort()).toEqual(data.deadlines.filter((d) => d.owner === v.unit.id).map((d) => d.task).sort());
      }
    }
  });

  it('merges a unit listed twice', () => {
    const views = assignmentViews(
      {
        assignments: [
          { unit: 'a', duties: ['một'] },
          { unit: 'b', duties: ['hai'] },
          { unit: 'a', duties: ['ba'] },
        ],
        deadlines: [],
      },
      new Map([['a', agency({ name: 'Đơn vị A' })]]),
    );
    expect(views.map((v) => [v.unit.name, v.duties])).toEqual([
      ['Đơn vị A', ['một', 'ba']],
      ['b', ['hai']],
    ]);
  });

  it('shows an unknown agency id rather than failing', () => {
    expect(agencyRef(new Map(), 'khong-co')).toEqual({ id: 'khong-co', name: 'khong-co', shortName: 'khong-co', path: 'co-quan/khong-co/' });
  });
});

describe('signer', () => {
  it('says "không ghi tên" when the copy shows no name, and keeps a name that is there', () => {
    for (const { slug, data } of plans) {
      const view = signerView(data.signer);
      expect(view.title, slug).toBe(data.signer.title);
      expect(view.nameText, slug).toBe(data.signer.name ?? 'không ghi tên');
    }
    expect(plans.some((p) => p.data.signer.name === null)).toBe(true);
    expect(plans.some((p) => p.data.signer.name !== null)).toBe(true);
  });
});

describe('panels and cards', () => {
  it('count what each panel lists', () => {
    for (const { slug, data } of plans) {
      const counts = Object.fromEntries(planPanels(data).map((p) => [p.id, p.count]));
      expect(counts, slug).toMatchObject({
        'can-cu': data.basis.length,
        'chi-tieu': data.targets.length,
        'thoi-han': data.deadlines.length,
        'don-vi-thuc-hien': data.assignments.length,
        'van-ban-dan-chieu': data.citations.length,
      });
    }
  });

  it('card every plan with its agency short name, number and date or year', () => {
    for (const entry of plans) {
      const card = planCard(entry, agencies);
      expect(card.path).toBe(`ke-hoach/${entry.slug}/`);
      expect(card.agency.shortName).toBe(agencies.get(entry.data.issuer)!.data.shortName);
      expect(card.number).toBe(planNumberText(entry.data));
      expect(card.date).toBe(planDateShort(entry.data));
      expect(card.topics).toEqual(entry.data.topics);
    }
  });
});
