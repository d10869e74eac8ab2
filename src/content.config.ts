import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { planSchema } from './schemas/plan';
import { agencySchema } from './schemas/agency';
import { documentSchema } from './schemas/document';
import { reportSchema } from './schemas/report';
import { idFromPath } from './lib/content/ids';
import { contentSubdir } from './lib/content/dir';

const plans = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: contentSubdir('plans'), generateId: ({ entry }) => idFromPath(entry) }),
  schema: planSchema,
});

const agencies = defineCollection({
  loader: glob({ pattern: '*.yaml', base: contentSubdir('agencies'), generateId: ({ entry }) => idFromPath(entry) }),
  schema: agencySchema,
});

const documents = defineCollection({
  loader: glob({ pattern: '*.yaml', base: contentSubdir('documents'), generateId: ({ entry }) => idFromPath(entry) }),
  schema: documentSchema,
});

const reports = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: contentSubdir('reports'), generateId: ({ entry }) => idFromPath(entry) }),
  schema: reportSchema,
});

export const collections = { plans, agencies, documents, reports };
