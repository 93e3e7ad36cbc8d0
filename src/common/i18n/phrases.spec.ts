import { isMessageOf, pluralEn, pluralRu, quote, quotedList, quotedListText, renderer, type Phrasebooks } from './phrases';
import { LOCALES } from './locale';

describe('phrase tools', () => {
  it('picks the Russian plural form: 1 критерий, 2 критерия, 5 критериев, and the teens are many', () => {
    const forms = (n: number) => `${n} ${pluralRu(n, 'критерий', 'критерия', 'критериев')}`;
    expect([0, 1, 2, 4, 5, 11, 12, 14, 20, 21, 22, 25, 101, 111, 112, 1001].map(forms)).toEqual([
      '0 критериев', '1 критерий', '2 критерия', '4 критерия', '5 критериев', '11 критериев', '12 критериев', '14 критериев',
      '20 критериев', '21 критерий', '22 критерия', '25 критериев', '101 критерий', '111 критериев', '112 критериев', '1001 критерий',
    ]);
    expect([1, 2, 0].map((n) => pluralEn(n, 'risk', 'risks'))).toEqual(['risk', 'risks', 'risks']);
  });

  it('quotes user text as each locale quotes, and lists the first few with a count of the rest', () => {
    expect(LOCALES.map((l) => quote('Go-live', l))).toEqual(['"Go-live"', '«Go-live»', '“Go-live”']);
    const list = quotedList(['a', 'x'.repeat(61), 'c', 'd', 'e']);
    expect(list).toEqual({ items: ['a', `${'x'.repeat(57)}…`, 'c'], more: 2 });
    expect(quotedList(['x'.repeat(60)]).items[0]).toHaveLength(60);
    const short = { items: ['a', 'b'], more: 0 };
    expect(LOCALES.map((l) => quotedListText(short, l))).toEqual(['"a", "b"', '«a», «b»', '“a”, “b”']);
    const long = { items: ['a'], more: 3 };
    expect(LOCALES.map((l) => quotedListText(long, l))).toEqual(['"a" and 3 more', '«a» и ещё 3', '“a” dan 3 lagi']);
  });

  type Greeting = { key: 'hello'; params: { name: string } };
  const books: Phrasebooks<Greeting> = {
    en: { hello: (p) => `hello ${p.name}` }, ru: { hello: (p) => `привет, ${p.name}` }, id: { hello: (p) => `halo ${p.name}` },
  };

  it('renders a message with the locale\'s phrasebook', () => {
    const render = renderer(books);
    expect(LOCALES.map((l) => render({ key: 'hello', params: { name: 'Anna' } }, l))).toEqual(['hello Anna', 'привет, Anna', 'halo Anna']);
  });

  it('knows a stored message only by a key of its phrasebooks, with parameters', () => {
    expect(isMessageOf(books, { key: 'hello', params: { name: 'x' } })).toBe(true);
    expect(isMessageOf(books, { key: 'goodbye', params: {} })).toBe(false);
    expect(isMessageOf(books, { key: 'hello' })).toBe(false);
    expect(isMessageOf(books, { key: 'toString', params: {} })).toBe(false);
    expect(isMessageOf(books, 'hello')).toBe(false);
    expect(isMessageOf(books, null)).toBe(false);
    expect(isMessageOf(books, undefined)).toBe(false);
  });
});
