import type { APIRoute } from 'astro';
import globalCss from '../../styles/global.css?raw';
import { site } from '../../site.config';
import { themeCss } from '../../styles/theme';

/** The site's own stylesheet and colours, for the editor's preview pane (an iframe Decap styles by URL), and the share-card previews' few rules. */
export const GET: APIRoute = () =>
  new Response(`${themeCss(site.colors)}\n${globalCss}\nbody{padding:1rem;}\n.preview-cards figure{margin:1rem 0;}\n.preview-cards img{display:block;max-width:100%;height:auto;border:1px solid var(--color-border);}`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
