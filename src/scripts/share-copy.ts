/**
 * Progressive enhancement of the share box (src/components/ShareLinks.astro): shows the copy
 * button only where the Clipboard API exists. A bundled module, not an inline script, so the
 * Content-Security-Policy can forbid inline script on every page.
 */
export function startCopyLink(root: Document): void {
  const button = root.querySelector<HTMLButtonElement>('[data-copy-link]');
  if (!button || !navigator.clipboard) return;
  const input = root.getElementById(button.getAttribute('data-copy-link') ?? '') as HTMLInputElement | null;
  const status = root.querySelector('[data-copy-status]');
  if (!input || !status) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(input.value).then(
      () => {
        status.textContent = 'Đã sao chép liên kết.';
      },
      () => {
        input.select();
        status.textContent = 'Không sao chép được; liên kết đã được chọn, hãy nhấn Ctrl+C.';
      },
    );
  });
}
