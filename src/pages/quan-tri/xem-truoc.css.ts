import type { APIRoute } from 'astro';
import globalCss from '../../styles/global.css?raw';
import { site } from '../../site.config';
import { themeCss } from '../../styles/theme';

/** The site's own stylesheet and colours, for the editor's preview pane (an iframe Decap styles by URL). */
export const GET: APIRoute = () =>
  new Response(`${themeCss(site.colors)}\n${globalCss}\nbody{padding:1rem;}`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
