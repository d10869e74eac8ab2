/**
 * "In / Lưu PDF": shows the print buttons (hidden without JavaScript, where the browser's own
 * print command does the same) and opens the print dialog.
 */
export function enablePrintButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    if (typeof window.print !== 'function') continue;
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}
