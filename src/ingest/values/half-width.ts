/**
 * Full-width digits and signs (`１，２３４`, `－５`, `１２．５％`) as their ASCII forms, so number parsers read
 * them: Japanese text fields hold them (FORMATS §15.1, `２点セット`), and a cell typed with a Japanese input
 * method gets them. The full-width yen sign `￥` is left as it is: the money parser knows it.
 */
export function halfWidth(text: string): string {
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).replace(/\u3000/g, ' ');
}
