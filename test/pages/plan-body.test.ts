/**
 * A plan page prints its body as the safe pipeline rendered it: read the built HTML (DIST_DIR,
 * default dist/, which `npm test` builds first) and compare, for every plan in content/, the full
 * text section with `processBody` of the plan's file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { processBody } from '../../src/lib/content/mdx-body';
import { dist, root } from '../support/built-site';

const content = loadContent(join(root, 'content'));

describe('plan pages: the body', () => {
  it('has plans to check', () => {
    expect(content.plans.length).toBeGreaterThanOrEqual(5);
  });

  for (const plan of content.plans) {
    it(`${plan.slug}: the sanitized HTML of its body, and no script in it`, () => {
      const file = join(dist, 'ke-hoach', plan.slug, 'index.html');
      if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build, or set DIST_DIR)`);
      const page = readFileSync(file, 'utf8');
      // The full-text section folds (<details>, src/components/PlanBody.astro); the body is its prose block.
      const section = /<[a-z]+[^>]*\bid="toan-van"[^>]*>[\s\S]*?<div class="prose">([\s\S]*?)<\/div><\/details>/.exec(page)?.[1];
      const { issues, html } = processBody(plan.body, plan.bodyLine);
      expect(issues).toEqual([]);
      expect(section).toBe(html);
      expect(section).not.toMatch(/<script|<iframe|<style|\son[a-z]+=|javascript:/i);
    });
  }
});
