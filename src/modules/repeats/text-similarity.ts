/**
 * Similarity of two complaint texts for duplicate suggestions: Jaccard over character
 * bigrams of Han text and words of Latin text, so "快递三天没到" and "三天了快递还没到" meet,
 * and so do "parcel never arrived" and "my parcel has not arrived".
 */
export function shingles(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase().slice(0, 5000);
  for (const run of lower.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  for (const word of lower.match(/[a-z0-9]{2,}/g) ?? []) out.add(word.length > 5 ? word.slice(0, 5) : word);
  return out;
}

export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const s of x) if (y.has(s)) both++;
  return both / (x.size + y.size - both);
}
