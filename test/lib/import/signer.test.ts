import { describe, expect, it } from 'vitest';
import { splitParts } from '../../../src/lib/import/outline';
import { repairText } from '../../../src/lib/import/repair';
import { extractSigner } from '../../../src/lib/import/signer';
import { seed } from './seeds';

const signerOf = (lines: string[]) => extractSigner(splitParts(repairText(['Trên đây là Kế hoạch./.', ...lines].join('\n')).blocks).tail);

describe('extractSigner', () => {
  it('reads authority, title and name of every seed like the curated plans', () => {
    for (const s of ['000', '001', '002', '003', '004'].map(seed)) {
      expect(extractSigner(splitParts(repairText(s.text).blocks).tail), s.file).toEqual(s.curated!.data.signer);
    }
  });

  it('reads "TM." and "KT." on two lines as one authority, and skips "(Đã ký)"', () => {
    expect(signerOf(['Nơi nhận:', '- Như trên;', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Đã ký)', 'Nguyễn Văn An'])).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Văn An',
    });
  });

  it('separates authority and title read as one line, with the signature beside Nơi nhận', () => {
    expect(signerOf(['Nơi nhận: KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', '- UBND tỉnh;', 'Trần Thị Bình'])).toEqual({
      authority: 'KT. GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: 'Trần Thị Bình',
    });
  });

  it('leaves what the copy does not show null', () => {
    expect(signerOf([])).toEqual({ authority: null, title: null, name: null });
  });
});
