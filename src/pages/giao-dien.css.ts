import { site } from '../site.config';
import { themeCss } from '../styles/theme';

/** The agency's colours as a stylesheet file: an inline <style> would need 'unsafe-inline' in the CSP. */
export const GET = () => new Response(`${themeCss(site.colors)}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
