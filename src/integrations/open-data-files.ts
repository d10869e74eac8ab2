import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { loadCatalog } from '../lib/catalog/load';
import { contentDir } from '../lib/content/dir';
import type { StagedFiles } from '../lib/build/staging';
import { publishContextOf } from '../lib/opendata/context';
import { sharedOpenData } from '../lib/opendata/open-data';
import { ROUTES_WAITING_FOR_TABLES, tableFilesMadeElsewhere } from '../lib/opendata/made-elsewhere';
import { withRoutesLast } from '../lib/build/page-order';
import { adoptStagedOpenDataFiles, publishCatalogFiles, publishOpenDataFiles, publishTableFiles, type PlacedFiles, type TablesMade } from '../lib/opendata/publish';
import { contentTask } from './child';

/** What a placing did, in brackets, for the build's log. */
function notesOf({ rendered, pruned }: PlacedFiles, ...first: string[]): string {
  const notes = [...first, rendered > 0 ? `${rendered} tệp dựng tại đây` : '', pruned > 0 ? `xoá ${pruned} tệp cũ khỏi bộ nhớ đệm` : ''];
  return notes
    .filter(Boolean)
    .map((note) => ` (${note})`)
    .join('');
}

/**
 * Publishes every plan's record (`api/v1/plans/{slug}.json`) and every table's files (JSON, CSV
 * and Excel, and deadlines.ics) once Astro has written the pages, from the catalog and publish
 * context the pages were made from (src/lib/opendata/publish.ts). From the start of the build, the
 * build's content process
 * (content-tasks.ts) links every record the content cache holds into a staging folder; here, that
 * folder is moved into the out dir with one rename when that process read the same content as the
 * pages, and the records it lacked (an edited plan's) are linked from the cache, or rendered there
 * first. Otherwise (a cold build stages none, that process failed, the content changed between the
 * two reads) every record is placed here. From the second build on, that process also makes the
 * tables' files whose rows changed while the pages render (`makeTableFiles`); once it is done, they
 * are linked from the cache here (`publishTableFiles`, which makes any still missing), and the DCAT
 * catalog and datapackage.json, which size every file, are written after them; /du-lieu-mo/, which
 * sizes them too, is rendered after every other page (`ROUTES_WAITING_FOR_TABLES`). It comes before the
 * checksums integration, whose api/v1/SHA256SUMS lists them. The routes
 * src/pages/api/v1/plans/[slug].json.ts and src/pages/api/v1/[file].ts serve them in `astro dev` only.
 */
export default function openDataFiles(options: { contentDir?: string } = {}): AstroIntegration {
  let config: AstroConfig | undefined;
  let records: (() => Promise<StagedFiles>) | undefined;
  let staged: Promise<StagedFiles | undefined> | undefined;
  let tables: (() => Promise<TablesMade>) | undefined;
  let tablesMade: Promise<TablesMade> | undefined;
  return {
    name: 'ke-hoach-mo:open-data-files',
    hooks: {
      // Registered at setup, so that a build's content check can start the content process (child.ts).
      'astro:config:setup': ({ config: setup }) => {
        config = setup;
        records = contentTask(setup, options.contentDir ?? contentDir(), 'records', 'Chuẩn bị tệp kế hoạch');
        tables = contentTask(setup, options.contentDir ?? contentDir(), 'tables', 'Chuẩn bị tệp bảng dữ liệu');
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (!records || !tables) throw new Error('astro:config:setup did not run');
        // The pages that wait for the tables come after every other page.
        setPrerenderer((prerenderer) => withRoutesLast(prerenderer, ROUTES_WAITING_FOR_TABLES));
        // A failure only means this build places every record itself.
        staged = records().catch(() => undefined);
        // Likewise for the tables' files: the pages that size them and their publishing wait for this.
        tablesMade = tables();
        tableFilesMadeElsewhere(tablesMade);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!config) throw new Error('astro:config:setup did not run');
        const started = performance.now();
        const catalog = loadCatalog(fileURLToPath(config.root), options.contentDir ?? contentDir());
        // The pages' open data (from their bundle), with every key and summary they computed.
        const openData = sharedOpenData(catalog, publishContextOf(config.site, config.base));
        const outDir = fileURLToPath(dir);
        const ready = await staged;
        staged = undefined;
        const adopted = ready && adoptStagedOpenDataFiles(ready, openData, outDir);
        const records = adopted || publishOpenDataFiles(openData, outDir);
        const recordsMs = Math.round(performance.now() - started);
        logger.info(`Đã đặt ${records.files} tệp kế hoạch vào api/v1/plans/${notesOf(records, adopted ? 'chuẩn bị sẵn bên tiến trình nội dung' : '')} (${recordsMs} ms)`);
        const placed = await publishTableFiles(openData, outDir);
        const made = await tablesMade?.catch(() => undefined);
        tableFilesMadeElsewhere(undefined);
        const tablesMs = Math.round(performance.now() - started) - recordsMs;
        const elsewhere = made && made.rendered > 0 ? `${made.rendered} tệp dựng bên tiến trình nội dung` : '';
        logger.info(`Đã đặt ${placed.files} tệp bảng dữ liệu vào api/v1/${notesOf(placed, elsewhere)} (${tablesMs} ms)`);
        const catalogs = await publishCatalogFiles(openData, outDir);
        logger.info(`Đã viết ${catalogs} danh mục dữ liệu vào api/v1/ (${Math.round(performance.now() - started) - recordsMs - tablesMs} ms)`);
      },
    },
  };
}
