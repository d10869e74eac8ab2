import { CONTROL_CHARACTERS } from '../../schemas/common';

const CONTROL_GLOBAL = new RegExp(CONTROL_CHARACTERS.source, 'g');

/** Text without the control characters XML 1.0 forbids (the content check rejects them; this is the second line). */
export function withoutControls(text: string): string {
  return text.replace(CONTROL_GLOBAL, '');
}

/** Text escaped for an XML element's content, without those control characters: the feeds and the workbooks. */
export function xmlText(text: string): string {
  return withoutControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
