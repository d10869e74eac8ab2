import type { Plan } from '../../schemas/plan';
import type { Report } from '../../schemas/report';
import type { Target } from '../../schemas/target';
import type { ContentSource } from './load';
import { problem, type Problem } from './problems';

/** Fields of a file that passed their schema (see load.ts `ContentSource.fields`): any may be missing, any array item undefined. */
type Lenient<T> = { [K in keyof T]?: T[K] extends ReadonlyArray<infer E> ? ReadonlyArray<E | undefined> : T[K] };

/**
 * Checks every link from a results report to the plans it reports on: each plan exists, each
 * result names a target that exists in a plan the report lists, its unit is the target's unit, a
 * target is reported once per report, each fulfilled deadline exists, and the report sits in
 * content/reports/{year}/. Runs on the fields that passed their schema, like the other
 * cross-checks, and is linear in the size of the content.
 */
export function checkReportLinks(sources: readonly ContentSource[], agencyIds: ReadonlySet<string>, problems: Problem[]): void {
  const plans = new Map<string, Lenient<Plan>>();
  for (const source of sources) if (source.kind === 'plan') plans.set(source.id, source.fields as Lenient<Plan>);

  for (const source of sources) {
    if (source.kind !== 'report') continue;
    const fields = source.fields as Lenient<Report>;
    const { file } = source;
    if (fields.issuer && !agencyIds.has(fields.issuer)) {
      problems.push(
        problem(file, 'issuer', 'không có cơ quan này trong content/agencies/', {
          found: fields.issuer,
          expected: `mã của một cơ quan có tệp content/agencies/${fields.issuer}.yaml, hoặc tạo tệp đó`,
        }),
      );
    }
    const listed = new Set<string>();
    fields.plans?.forEach((slug, i) => {
      if (slug === undefined) return;
      listed.add(slug);
      if (!plans.has(slug)) problems.push(unknownPlan(file, `plans[${i}]`, slug));
    });

    const reported = new Map<string, number>();
    fields.results?.forEach((result, i) => {
      if (!result) return;
      const at = `results[${i}]`;
      const plan = linkedPlan(file, at, result.plan, listed, plans, problems);
      if (!plan?.targets) return;
      const target = plan.targets[result.target - 1];
      if (result.target > plan.targets.length) {
        problems.push(
          problem(file, `${at}.target`, `kế hoạch "${result.plan}" không có chỉ tiêu thứ ${result.target}`, {
            found: result.target,
            expected: plan.targets.length === 0 ? 'kế hoạch này chưa có chỉ tiêu nào: bỏ kết quả hoặc bổ sung chỉ tiêu vào kế hoạch' : `số từ 1 đến ${plan.targets.length} (thứ tự trong danh sách targets của kế hoạch)`,
          }),
        );
        return;
      }
      const key = `${result.plan}#${result.target}`;
      const first = reported.get(key);
      if (first !== undefined) {
        problems.push(problem(file, `${at}.target`, `chỉ tiêu "${key}" đã có kết quả ở results[${first}]: mỗi chỉ tiêu chỉ báo cáo một lần trong một báo cáo`, { found: result.target }));
      } else reported.set(key, i);
      if (target) checkUnit(file, at, result.value, result.unit, target, problems);
    });

    const fulfilled = new Map<string, number>();
    fields.fulfils?.forEach((item, i) => {
      if (!item) return;
      const at = `fulfils[${i}]`;
      const plan = linkedPlan(file, at, item.plan, listed, plans, problems);
      if (!plan?.deadlines) return;
      if (item.deadline > plan.deadlines.length) {
        problems.push(
          problem(file, `${at}.deadline`, `kế hoạch "${item.plan}" không có thời hạn thứ ${item.deadline}`, {
            found: item.deadline,
            expected: plan.deadlines.length === 0 ? 'kế hoạch này không có thời hạn nào: bỏ mục này' : `số từ 1 đến ${plan.deadlines.length} (thứ tự trong danh sách deadlines của kế hoạch)`,
          }),
        );
        return;
      }
      const key = `${item.plan}#${item.deadline}`;
      const first = fulfilled.get(key);
      if (first !== undefined) problems.push(problem(file, `${at}.deadline`, `thời hạn "${key}" đã được ghi ở fulfils[${first}]`, { found: item.deadline }));
      else fulfilled.set(key, i);
      if (fields.issuedOn && item.on < fields.issuedOn) {
        problems.push(
          problem(file, `${at}.on`, 'ngày hoàn thành sớm hơn ngày ban hành báo cáo: báo cáo chỉ hoàn thành thời hạn khi đã ban hành', {
            found: item.on,
            expected: `"${fields.issuedOn}" hoặc muộn hơn`,
          }),
        );
      }
    });

    const folder = source.folders[0];
    if (fields.year !== undefined && folder !== undefined && /^\d{4}$/.test(folder) && Number(folder) !== fields.year) {
      problems.push(
        problem(file, 'year', `báo cáo nằm trong thư mục ${folder} nhưng year là ${fields.year}`, {
          found: fields.year,
          expected: `${folder}, hoặc chuyển tệp sang content/reports/${fields.year}/`,
        }),
      );
    }
  }
}

function unknownPlan(file: string, field: string, slug: string): Problem {
  return problem(file, field, 'không có kế hoạch này trong content/plans/', {
    found: slug,
    expected: 'tên tệp (không có đuôi .mdx) của một kế hoạch trong content/plans/',
  });
}

/** The plan a result or fulfilment points at, when it is one of the report's plans and exists; else a problem. */
function linkedPlan(
  file: string,
  at: string,
  slug: string,
  listed: ReadonlySet<string>,
  plans: ReadonlyMap<string, Lenient<Plan>>,
  problems: Problem[],
): Lenient<Plan> | undefined {
  if (!listed.has(slug)) {
    problems.push(
      problem(file, `${at}.plan`, 'kế hoạch này không có trong danh sách plans của báo cáo', {
        found: slug,
        expected: listed.size > 0 ? `một trong: ${[...listed].join(', ')}; hoặc thêm "${slug}" vào plans` : `thêm "${slug}" vào plans`,
      }),
    );
    return undefined;
  }
  // An unknown listed plan is reported once, at plans[i].
  return plans.get(slug);
}

/** A number reported against a target must be in the target's unit, so "đạt 95" means 95 of what was promised. */
function checkUnit(file: string, at: string, value: number | null, unit: string | null, target: Target, problems: Problem[]): void {
  if (value === null) {
    if (unit !== null) problems.push(problem(file, `${at}.unit`, 'có đơn vị nhưng không có giá trị đạt được (value)', { found: unit, expected: 'value là một số, hoặc unit: null' }));
    return;
  }
  if (target.unit === null) {
    if (unit !== null) {
      problems.push(
        problem(file, `${at}.unit`, `chỉ tiêu "${shorten(target.text)}" không có đơn vị trong kế hoạch`, { found: unit, expected: 'unit: null, hoặc bổ sung đơn vị cho chỉ tiêu trong kế hoạch' }),
      );
    }
    return;
  }
  if (unit !== target.unit) {
    problems.push(
      problem(file, `${at}.unit`, `đơn vị không khớp với đơn vị của chỉ tiêu trong kế hoạch ("${shorten(target.text)}")`, {
        found: unit,
        expected: `"${target.unit}"`,
      }),
    );
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
