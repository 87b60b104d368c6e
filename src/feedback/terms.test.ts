import { describe, expect, it } from 'vitest'
import { isStopWord, recurringTerms, termsOf } from './terms'

describe('stop words', () => {
  it.each([
    ['en', ['the', 'and', 'was', 'very']],
    ['da', ['og', 'det', 'meget', 'jeg']],
    ['sv', ['och', 'det', 'mycket', 'jag']],
    ['nb', ['og', 'ikke', 'jeg', 'har']],
  ])('%s: common words are stop words', (_lang, words) => {
    for (const w of words) expect(isStopWord(w), w).toBe(true)
  })

  it('keeps the words that carry meaning', () => {
    for (const w of ['ventetid', 'väntetid', 'booking', 'mekaniker', 'faktura']) expect(isStopWord(w), w).toBe(false)
  })
})

describe('terms of one comment', () => {
  it('en: words and two-word phrases without stop words', () => {
    expect([...termsOf('The waiting time was too long!')]).toEqual(['waiting', 'waiting time', 'time', 'long'])
  })

  it('phrases do not cross a comma or a dash', () => {
    expect([...termsOf('Super service — tak! Venlig, hurtig')]).toEqual(['super', 'super service', 'service', 'tak', 'venlig', 'hurtig'])
  })

  it('da: æøå stay, phrases do not cross a sentence', () => {
    expect([...termsOf('Lang ventetid på værkstedet. Søde medarbejdere 😊')]).toEqual(['lang', 'lang ventetid', 'ventetid', 'værkstedet', 'søde', 'søde medarbejdere', 'medarbejdere'])
  })

  it('sv: Swedish stop words go', () => {
    expect([...termsOf('Det var en mycket lång väntetid och dålig information')]).toEqual(['lång', 'lång väntetid', 'väntetid', 'dålig', 'dålig information', 'information'])
  })

  it('nb: Norwegian stop words go', () => {
    expect([...termsOf('Jeg fikk ikke svar på e-posten min')]).toContain('svar')
    expect([...termsOf('Jeg fikk ikke svar på e-posten min')]).not.toContain('ikke')
  })
})

describe('recurring terms', () => {
  const comments = ['Lang ventetid i telefonen', 'Alt for lang ventetid', 'Venlig mekaniker', 'lang ventetid, men venlig mekaniker', 'Fin pris']

  it('counts each term once per comment, most used first, with the comments behind it', () => {
    const terms = recurringTerms(comments)
    expect(terms[0]).toEqual({ term: 'lang ventetid', count: 3, responses: [0, 1, 3], phrase: true })
    expect(terms.find((t) => t.term === 'venlig mekaniker')).toMatchObject({ count: 2, responses: [2, 3] })
    // "lang" alone says nothing the phrase does not: every comment with it has the phrase.
    expect(terms.find((t) => t.term === 'lang')).toBeUndefined()
    expect(terms.find((t) => t.term === 'pris')).toBeUndefined()
  })

  it('one comment repeating a word does not make a theme', () => {
    expect(recurringTerms(['pris pris pris pris', 'ok'])).toEqual([])
  })
})
