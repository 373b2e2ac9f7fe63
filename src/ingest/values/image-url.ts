/**
 * Only a web address (http/https) is kept as an image: anything else in an image column (a file
 * name, "see attachment") is not a picture the dashboard can show. One rule for the products file
 * and the All Listings report.
 */
export function webImageUrl(text: string | null): string | null {
  const t = text?.trim();
  return t && /^https?:\/\/\S+$/i.test(t) ? t : null;
}
