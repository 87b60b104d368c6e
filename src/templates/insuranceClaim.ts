/**
 * An insurance journey (seeds/001, Wilke: «Få styr på kundeoplevelsen med Customer Experience
 * Management»): an insurer sells both a coverage and a feeling of safety, so every touchpoint is
 * read for functional *and* emotional needs; personas differ in engagement and in the touchpoints
 * they use; the map names the points of pain and the moments of truth. Danish and English.
 */
import type { PlanSpec } from './planSpec'

type L = 'da' | 'en'
const tx = (da: string, en: string) => ({ da, en })
const SALES = tx('Salg', 'Sales')
const SERVICE = tx('Kundeservice', 'Customer service')
const CLAIMS = tx('Skadeafdeling', 'Claims')
const FINANCE = tx('Bogholderi/finans', 'Accounting/finance')
const MARKETING = tx('Markedsføring', 'Marketing')

export const INSURANCE_CLAIM: PlanSpec<L> = {
  title: tx('Bilforsikring: fra tilbud til skade', 'Car insurance: from quote to claim'),
  description: tx(
    'Et forsikringsselskab sælger både en konkret dækning og en følelse af tryghed. Kunderejsen følger to personaer fra det første møde (før), under købet (under) og efter købet, når skaden sker (efter), og viser hvor funktionelle eller emotionelle behov ikke dækkes.',
    'An insurer sells both a concrete coverage and a feeling of safety. The journey follows two personas from the first encounter (before), through the purchase (during) and after it, when the claim happens (after), and shows where functional or emotional needs are not met.',
  ),
  personas: [
    { key: 'mette', name: tx('Mette, 42 – tryghedssøgende', 'Mette, 42 – seeks safety'), description: tx('Familie med to børn og én bil. Vil vide præcis hvad hun er dækket af og have én at ringe til. Foretrækker telefon og personlig rådgivning.', 'Family with two children and one car. Wants to know exactly what she is covered for and to have someone to call. Prefers the phone and personal advice.'), color: '#4f7cff' },
    { key: 'jonas', name: tx('Jonas, 26 – prisbevidst', 'Jonas, 26 – price-conscious'), description: tx('Første bil. Sammenligner priser online, køber selv på nettet og forventer at alt kan klares i appen.', 'First car. Compares prices online, buys on the web himself and expects to do everything in the app.'), color: '#e8663d' },
  ],
  stages: [
    { key: 'compare', phase: 'before', title: tx('Sammenligning af dækning', 'Comparing coverage') },
    { key: 'buy', phase: 'during', title: tx('Køb af forsikring', 'Buying the policy') },
    { key: 'report', phase: 'after', title: tx('Skadesanmeldelse', 'Reporting a claim') },
    { key: 'payout', phase: 'after', title: tx('Udbetaling', 'Payout') },
  ],
  touchpoints: [
    { key: 'mette-advice', stage: 'compare', persona: 'mette', title: tx('Ringer og får råd om dækning', 'Calls for advice on coverage'), description: tx('Rådgiveren gennemgår hvad kaskoforsikringen dækker.', 'The adviser goes through what the comprehensive cover includes.'), channel: tx('telefon', 'phone'), owner: SALES, emotion: 1, priority: 2, metrics: { nps: 30, npsTarget: 40 } },
    { key: 'jonas-web', stage: 'compare', persona: 'jonas', title: tx('Sammenligner priser på nettet', 'Compares prices on the web'), description: tx('Betingelserne er svære at sammenligne.', 'The terms are hard to compare.'), channel: tx('web', 'web'), owner: MARKETING, emotion: -1, priority: 3, metrics: { ces: 3.4, cesTarget: 5.5 } },
    { key: 'mette-sign', stage: 'buy', persona: 'mette', title: tx('Underskriver policen', 'Signs the policy'), description: tx('Policen kommer som PDF med 24 siders betingelser.', 'The policy arrives as a PDF with 24 pages of terms.'), channel: tx('e-mail', 'email'), owner: SALES, emotion: 0, priority: 3 },
    { key: 'jonas-buy', stage: 'buy', persona: 'jonas', title: tx('Køber online på fem minutter', 'Buys online in five minutes'), description: tx('MitID, betaling og police i appen.', 'MitID, payment and policy in the app.'), channel: tx('app', 'app'), owner: SALES, emotion: 2, priority: 2, metrics: { csat: 88, csatTarget: 85 } },
    { key: 'mette-call', stage: 'report', persona: 'mette', title: tx('Ringer skadeafdelingen efter uheldet', 'Calls the claims department after the accident'), description: tx('Bliver stillet videre mellem salg, kundeservice og skadeafdelingen.', 'Is passed between sales, customer service and claims.'), channel: tx('telefon', 'phone'), owner: CLAIMS, emotion: -2, priority: 1, metrics: { nps: -35, npsTarget: 20, ces: 2.1, cesTarget: 5 } },
    { key: 'jonas-app', stage: 'report', persona: 'jonas', title: tx('Anmelder skaden i appen med billeder', 'Reports the claim in the app with photos'), description: tx('Hører intet i en uge.', 'Hears nothing for a week.'), channel: tx('app', 'app'), owner: CLAIMS, emotion: -1, priority: 1, metrics: { ces: 5.8, cesTarget: 5 } },
    { key: 'mette-payout', stage: 'payout', persona: 'mette', title: tx('Får udbetalt samme dag', 'Is paid the same day'), description: tx('Sagsbehandleren ringer selv og forklarer.', 'The case handler calls her and explains.'), channel: tx('telefon', 'phone'), owner: FINANCE, emotion: 2, priority: 2, metrics: { csat: 92, csatTarget: 85 } },
    { key: 'jonas-payout', stage: 'payout', persona: 'jonas', title: tx('Selvrisiko trukket uden forklaring', 'Excess deducted without explanation'), description: tx('Beløbet passer ikke med det han forventede.', 'The amount does not match what he expected.'), channel: tx('e-mail', 'email'), owner: FINANCE, emotion: -2, priority: 2, metrics: { csat: 41, csatTarget: 85 } },
  ],
  annotations: [
    { on: 'mette-advice', kind: 'functional-need', status: 'met', text: tx('Forstå hvad hun er dækket af', 'Understand what she is covered for'), evidence: 'observed' },
    { on: 'jonas-web', kind: 'functional-need', status: 'unmet', text: tx('Sammenligne dækning og pris på tværs', 'Compare coverage and price side by side'), evidence: 'measured' },
    { on: 'mette-call', kind: 'functional-need', status: 'partly', text: tx('Anmelde skaden ét sted, én gang', 'Report the claim in one place, once'), evidence: 'measured' },
    { on: 'jonas-payout', kind: 'functional-need', status: 'unmet', text: tx('Vide hvad han får udbetalt, og hvorfor', 'Know what he will be paid, and why'), evidence: 'observed' },
    { on: 'mette', kind: 'emotional-need', status: 'partly', text: tx('En følelse af tryghed', 'A feeling of safety') },
    { on: 'mette-call', kind: 'emotional-need', status: 'unmet', text: tx('Blive taget hånd om, når det går galt', 'Be taken care of when things go wrong'), evidence: 'observed' },
    { on: 'jonas-app', kind: 'emotional-need', status: 'unmet', text: tx('Vide at nogen arbejder på sagen', 'Know that someone is working on the case'), evidence: 'assumed' },
    { on: 'mette-call', kind: 'pain-point', text: tx('Stillet videre mellem afdelinger: kunden henvender sig til virksomheden, ikke til en afdeling', 'Passed between departments: the customer contacts the company, not a department'), evidence: 'measured' },
    { on: 'jonas-app', kind: 'pain-point', text: tx('Ingen status på sagen i en uge', 'No status on the claim for a week'), evidence: 'observed' },
    { on: 'jonas-payout', kind: 'pain-point', text: tx('Selvrisikoen kommer som en overraskelse', 'The excess comes as a surprise'), evidence: 'measured' },
    { on: 'mette-payout', kind: 'moment-of-truth', text: tx('Sagsbehandleren ringer selv, og pengene er der samme dag: en wow-oplevelse', 'The case handler calls her, and the money arrives the same day: a wow experience'), evidence: 'observed' },
    { on: 'jonas-buy', kind: 'moment-of-truth', text: tx('Forsikret på fem minutter', 'Insured in five minutes') },
    { on: 'jonas-app', kind: 'opportunity', text: tx('Status på skadesagen i appen, trin for trin', 'Claim status in the app, step by step'), impact: 4, effort: 2 },
    { on: 'report', kind: 'opportunity', text: tx('Én skadeindgang på tværs af siloerne', 'One way in for claims across the silos'), impact: 5, effort: 5 },
    { on: 'jonas-payout', kind: 'opportunity', text: tx('Vis selvrisiko tydeligt ved køb', 'Show the excess clearly at purchase'), impact: 3, effort: 1 },
    { on: 'compare', kind: 'opportunity', text: tx('Ny prisberegner med 40 parametre', 'A new price calculator with 40 parameters'), impact: 1, effort: 4 },
    { on: 'phase:after', kind: 'note', text: tx('Ledelsen skal ud på gulvet og selv være en del af serviceleveringen.', 'Management has to get out on the floor and take part in the service delivery.') },
  ],
  links: [
    { from: 'mette-call', to: 'mette-payout', label: tx('samme sag', 'same claim') },
    { from: 'jonas-app', to: 'jonas-payout', label: tx('samme sag', 'same claim') },
  ],
  promises: [
    {
      key: 'safe',
      text: tx('Du skal altid føle dig tryg – også når skaden sker', 'You always feel safe – also when the claim happens'),
      priorities: [
        { text: tx('Én kontakt følger skadesagen fra anmeldelse til udbetaling', 'One contact follows the claim from report to payout'), measure: tx('Antal viderestillinger pr. sag', 'Transfers per claim'), target: tx('0', '0'), touchpoints: ['mette-call', 'mette-payout'] },
        { text: tx('Kunden får status inden for 24 timer', 'The customer gets a status within 24 hours'), measure: tx('Tid til første status', 'Time to first status'), target: tx('≤ 24 timer', '≤ 24 hours'), touchpoints: ['jonas-app'] },
      ],
    },
    { key: 'clear', text: tx('Du ved altid, hvad du er dækket af', 'You always know what you are covered for'), priorities: [{ text: tx('Dækning og selvrisiko på én side', 'Coverage and excess on one page'), measure: tx('CSAT ved udbetaling', 'CSAT at payout'), target: tx('85 %', '85%'), touchpoints: ['jonas-payout', 'mette-sign'] }] },
  ],
  actions: [
    { key: 'one-contact', title: tx('Fast sagsbehandler på hver skadesag', 'A named case handler on every claim'), owner: CLAIMS, measure: tx('Viderestillinger pr. sag', 'Transfers per claim'), target: tx('0 inden Q4', '0 by Q4'), dueDate: '2026-10-01', status: 'in-progress', addresses: [2, 5, 7] },
    { key: 'status', title: tx('Skadestatus og push-besked i appen', 'Claim status and push message in the app'), owner: tx('IT', 'IT'), measure: tx('Tid til første status', 'Time to first status'), target: tx('≤ 24 timer', '≤ 24 hours'), dueDate: '2026-07-01', status: 'planned', addresses: [6, 8] },
    { key: 'excess', title: tx('Selvrisiko vist ved køb og i policen', 'Excess shown at purchase and in the policy'), owner: SALES, measure: tx('Klager over selvrisiko', 'Complaints about the excess'), target: tx('−50 %', '−50%'), dueDate: '2026-05-15', status: 'done', addresses: [3, 9] },
    { key: 'compare', title: tx('Sammenligningsside for dækninger', 'A comparison page for coverages'), owner: MARKETING, measure: tx('CES på nettet', 'CES on the web'), target: tx('5,5', '5.5'), dueDate: '', status: 'planned', addresses: [1] },
    { key: 'floor', title: tx('Ledere lytter med i skadeafdelingen hver måned', 'Managers listen in at claims every month'), owner: SERVICE, measure: tx('Timer på gulvet pr. leder', 'Hours on the floor per manager'), target: tx('4 pr. måned', '4 a month'), dueDate: '2026-03-31', status: 'blocked', addresses: [] },
  ],
}
