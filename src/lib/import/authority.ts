/**
 * The authority marks of a signature block (Nghị định 30/2020, Điều 13; Party documents write them
 * with a slash): "KT." ký thay, "TM." thay mặt, "TL." thừa lệnh, "TUQ." thừa ủy quyền, "Q." quyền.
 */
export const AUTHORITY_MARK = String.raw`(?:KT|TM|TL|TUQ|Q)\.|(?:K\/T|T\/M|T\/L)(?=\s)`;

/** A line that opens with an authority mark: "KT. GIÁM ĐỐC", "T/M BAN THƯỜNG VỤ". */
export const AUTHORITY_LINE = new RegExp(`^(?:${AUTHORITY_MARK})\\s*\\p{Lu}`, 'u');
