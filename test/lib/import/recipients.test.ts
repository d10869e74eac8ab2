import { describe, expect, it } from 'vitest';
import { splitParts } from '../../../src/lib/import/outline';
import { extractRecipients, untangleTail } from '../../../src/lib/import/recipients';
import { repairText } from '../../../src/lib/import/repair';
import { seed } from './seeds';

const tailOf = (text: string) => splitParts(repairText(text).blocks).tail;

describe('extractRecipients', () => {
  it('keeps every line of Nơi nhận as written, without the dash and the final ";" or "."', () => {
    for (const prefix of ['000', '001', '003', '004']) {
      const s = seed(prefix);
      expect(extractRecipients(tailOf(s.text)), prefix).toEqual(s.curated!.data.recipients);
    }
  });

  it('joins a recipient wrapped in the narrow left column', () => {
    const tail = tailOf(['Trên đây là Kế hoạch./.', 'Nơi nhận:', '- UBND tỉnh;', '- Các phòng, đơn vị thuộc', 'Sở;', '- Lưu: VT.', 'KT. GIÁM ĐỐC'].join('\n'));
    expect(extractRecipients(tail)).toEqual(['UBND tỉnh', 'Các phòng, đơn vị thuộc Sở', 'Lưu: VT']);
  });

  it('reads recipients written on the "Nơi nhận:" line itself', () => {
    const tail = tailOf(['Trên đây là Kế hoạch./.', 'Nơi nhận: - UBND tỉnh; - Sở Nội vụ;', '- Lưu: VT.', 'CHỦ TỊCH'].join('\n'));
    expect(extractRecipients(tail)).toEqual(['UBND tỉnh', 'Sở Nội vụ', 'Lưu: VT']);
  });

  it('separates recipients from the signature block read on the same lines', () => {
    const tail = tailOf(['Trên đây là Kế hoạch./.', 'Nơi nhận: TM. ỦY BAN NHÂN DÂN', '- UBND tỉnh; KT. CHỦ TỊCH', '- Sở Nội vụ; PHÓ CHỦ TỊCH', '- Lưu: VT, VP.', 'Nguyễn Văn Bình'].join('\n'));
    expect(extractRecipients(tail)).toEqual(['UBND tỉnh', 'Sở Nội vụ', 'Lưu: VT, VP']);
    expect(untangleTail(tail).map((b) => b.text)).toEqual([
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'UBND tỉnh;',
      'KT. CHỦ TỊCH',
      'Sở Nội vụ;',
      'PHÓ CHỦ TỊCH',
      'Lưu: VT, VP.',
      'Nguyễn Văn Bình',
    ]);
  });

  it('returns nothing when there is no Nơi nhận', () => {
    expect(extractRecipients(tailOf('Trên đây là Kế hoạch./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC'))).toEqual([]);
  });
});
