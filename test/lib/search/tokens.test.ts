import { describe, expect, it } from 'vitest';
import { foldWithOffsets, searchTokens, tokenizeFolded } from '../../../src/lib/search/tokens';

describe('foldWithOffsets', () => {
  it('maps folded offsets back to the text as written', () => {
    const f = foldWithOffsets('Ban Cán sự Đảng Ủy ban');
    const at = f.folded.indexOf('dang uy');
    expect(f.original.slice(f.offsets[at], f.offsets[at + 'dang uy'.length])).toBe('Đảng Ủy');
  });

  it('normalises decomposed input to NFC first', () => {
    const f = foldWithOffsets('dẫn'.normalize('NFD'));
    expect(f.original).toBe('dẫn');
    expect(f.folded).toBe('dan');
  });

  it('keeps offsets right when a character folds to more than one', () => {
    const f = foldWithOffsets('İ Đảng');
    const at = f.folded.indexOf('dang');
    expect(f.original.slice(f.offsets[at], f.offsets[at + 4])).toBe('Đảng');
  });
});

describe('tokenizeFolded', () => {
  it('makes each document number one token and keeps the words around it', () => {
    expect(tokenizeFolded('chi thi so 33/ct-ttg ngay 26/11/2021').map((t) => t.value)).toEqual(['chi', 'thi', 'so', '33ctttg', 'ngay', '26', '11', '2021']);
  });

  it('flags number tokens', () => {
    expect(tokenizeFolded('kl 114-kl/tw').map((t) => t.number)).toEqual([false, true]);
  });

  it('reads typed spellings of numbers only in query mode', () => {
    expect(tokenizeFolded('chi thi ct-ttg 33 nam 2024').map((t) => t.value)).toEqual(['chi', 'thi', 'ct', 'ttg', '33', 'nam', '2024']);
    expect(tokenizeFolded('chi thi ct-ttg 33 nam 2024', { query: true }).map((t) => t.value)).toEqual(['chi', 'thi', '33ctttg', 'nam', '2024']);
  });

  it('folds through searchTokens', () => {
    expect(searchTokens('Chuyển đổi số')).toEqual(['chuyen', 'doi', 'so']);
  });
});
