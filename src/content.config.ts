import { defineCollection } from 'astro:content';
import { contentLoader, contentStamp } from './lib/content/loader';

// Each collection holds one stamp (its folder and file count, with a digest of every file); pages
// read the content through getCatalog (src/lib/catalog/from-collections.ts), checked against
// src/schemas/ by src/lib/content/.
const plans = defineCollection({ loader: contentLoader('plan'), schema: contentStamp });
const agencies = defineCollection({ loader: contentLoader('agency'), schema: contentStamp });
const documents = defineCollection({ loader: contentLoader('document'), schema: contentStamp });
const reports = defineCollection({ loader: contentLoader('report'), schema: contentStamp });

export const collections = { plans, agencies, documents, reports };
