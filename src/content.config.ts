import { defineCollection } from 'astro:content';
import { planSchema } from './schemas/plan';
import { agencySchema } from './schemas/agency';
import { documentSchema } from './schemas/document';
import { reportSchema } from './schemas/report';
import { contentLoader } from './lib/content/loader';

const plans = defineCollection({ loader: contentLoader('plan'), schema: planSchema });
const agencies = defineCollection({ loader: contentLoader('agency'), schema: agencySchema });
const documents = defineCollection({ loader: contentLoader('document'), schema: documentSchema });
const reports = defineCollection({ loader: contentLoader('report'), schema: reportSchema });

export const collections = { plans, agencies, documents, reports };
