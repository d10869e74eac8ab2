import { defineCollection } from 'astro:content';
import { planSchema } from './schemas/plan';
import { agencySchema } from './schemas/agency';
import { documentSchema } from './schemas/document';
import { contentLoader } from './lib/content/loader';

const plans = defineCollection({ loader: contentLoader('plan'), schema: planSchema });
const agencies = defineCollection({ loader: contentLoader('agency'), schema: agencySchema });
const documents = defineCollection({ loader: contentLoader('document'), schema: documentSchema });

export const collections = { plans, agencies, documents };
