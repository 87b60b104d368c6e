/**
 * A bank's simplified transfer (seeds/000, «Inspiration til Customer Experience strategier»):
 * ultra-simplification takes a complicated service – a bank transfer – and makes it super easy
 * with new technology, as Danske Bank did with MobilePay after the customer criticism that
 * followed the financial crisis. The map shows the simplified journey, and where the old silo
 * organisation still shows through (Erik's lane first: that is where the work is). Danish and English.
 */
import type { PlanSpec } from './planSpec'

type L = 'da' | 'en'
const tx = (da: string, en: string) => ({ da, en })
const DIGITAL = tx('Digital udvikling', 'Digital development')
const SERVICE = tx('Kundeservice', 'Customer service')
const RISK = tx('Risiko og compliance', 'Risk and compliance')

export const BANK_TRANSFER: PlanSpec<L> = {
  title: tx('Banken: overførsel gjort super nem', 'The bank: a transfer made super easy'),
  description: tx(
    'Ultra-simplification: en ellers kompliceret service – en bankoverførsel – gjort super nem gennem ny teknologi. Kortet viser den forenklede rejse for to personaer, og hvor den gamle silo-organisation stadig skinner igennem.',
    'Ultra-simplification: an otherwise complicated service – a bank transfer – made super easy through new technology. The map shows the simplified journey for two personas, and where the old silo organisation still shows through.',
  ),
  personas: [
    { key: 'erik', name: tx('Erik, 67 – vant til netbank', 'Erik, 67 – used to online banking'), description: tx('Har altid brugt reg.nr. og kontonummer. Vil være sikker på, at pengene går til den rigtige.', 'Has always used sort code and account number. Wants to be sure the money goes to the right person.'), color: '#b05cd6' },
    { key: 'sofie', name: tx('Sofie, 24 – deler regningen', 'Sofie, 24 – splits the bill'), description: tx('Betaler vennerne tilbage efter middagen. Vil have det klaret på sekunder, på mobilen.', 'Pays friends back after dinner. Wants it done in seconds, on her phone.'), color: '#2fa67a' },
  ],
  stages: [
    { key: 'need', phase: 'before', title: tx('Skal betale en ven', 'Needs to pay a friend') },
    { key: 'signup', phase: 'before', title: tx('Kom i gang', 'Getting started') },
    { key: 'pay', phase: 'during', title: tx('Overførsel', 'Transfer') },
    { key: 'after', phase: 'after', title: tx('Kvittering og hjælp', 'Receipt and help') },
  ],
  touchpoints: [
    { key: 'sofie-need', stage: 'need', persona: 'sofie', title: tx('Skylder 187,50 kr. for pizzaen', 'Owes DKK 187.50 for the pizza'), description: tx('Vennen har ikke sit kontonummer ved hånden.', 'Her friend does not have an account number to hand.'), channel: tx('i person', 'in person'), owner: SERVICE, emotion: 0, priority: 3 },
    { key: 'erik-need', stage: 'need', persona: 'erik', title: tx('Skal betale barnebarnet for en tur', 'Has to pay his grandchild for a trip'), description: tx('Leder efter reg.nr. og kontonummer.', 'Looks for the sort code and account number.'), channel: tx('telefon', 'phone'), owner: SERVICE, emotion: -1, priority: 3 },
    { key: 'sofie-signup', stage: 'signup', persona: 'sofie', title: tx('Tilmelder sig med telefonnummer og MitID', 'Signs up with phone number and MitID'), description: tx('Tager to minutter.', 'Takes two minutes.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 1, priority: 2, metrics: { ces: 6.2, cesTarget: 6 } },
    { key: 'erik-signup', stage: 'signup', persona: 'erik', title: tx('Går i filialen for at få hjælp til appen', 'Goes to the branch for help with the app'), description: tx('Filialen kender ikke appen – den hører til en anden afdeling.', 'The branch does not know the app – it belongs to another department.'), channel: tx('filial', 'branch'), owner: SERVICE, emotion: -2, priority: 1, metrics: { nps: -25, npsTarget: 10 } },
    { key: 'sofie-pay', stage: 'pay', persona: 'sofie', title: tx('Sender pengene til et mobilnummer', 'Sends the money to a mobile number'), description: tx('Pengene er der med det samme.', 'The money is there at once.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 2, priority: 1, metrics: { nps: 62, npsTarget: 50, csat: 94, csatTarget: 90 } },
    { key: 'erik-pay', stage: 'pay', persona: 'erik', title: tx('Tjekker navnet før han godkender', 'Checks the name before approving'), description: tx('Modtagerens navn vises før betalingen.', 'The recipient’s name is shown before paying.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 1, priority: 1, metrics: { csat: 81, csatTarget: 90 } },
    { key: 'sofie-receipt', stage: 'after', persona: 'sofie', title: tx('Kvittering med besked og emoji 🍕', 'A receipt with a message and an emoji 🍕'), description: tx('Vennen får en notifikation.', 'Her friend gets a notification.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 2, priority: 4 },
    { key: 'erik-wrong', stage: 'after', persona: 'erik', title: tx('Har sendt til et forkert nummer', 'Has sent to the wrong number'), description: tx('Kundeservice kan ikke se overførslen.', 'Customer service cannot see the transfer.'), channel: tx('telefon', 'phone'), owner: SERVICE, emotion: -2, priority: 1, metrics: { ces: 1.8, cesTarget: 5 } },
  ],
  annotations: [
    { on: 'sofie-pay', kind: 'functional-need', status: 'met', text: tx('Betale uden at kende kontonummeret', 'Pay without knowing the account number'), evidence: 'measured' },
    { on: 'erik-signup', kind: 'functional-need', status: 'unmet', text: tx('Få hjælp til at komme i gang, hvor han er', 'Get help getting started where he is'), evidence: 'observed' },
    { on: 'erik-wrong', kind: 'functional-need', status: 'partly', text: tx('Få pengene tilbage ved en fejl', 'Get the money back after a mistake'), evidence: 'measured' },
    { on: 'erik', kind: 'emotional-need', status: 'partly', text: tx('Være sikker på, at pengene går til den rigtige', 'Be sure the money goes to the right person') },
    { on: 'sofie-receipt', kind: 'emotional-need', status: 'met', text: tx('At det føles let og lidt sjovt', 'That it feels easy and a little fun') },
    { on: 'erik-wrong', kind: 'emotional-need', status: 'unmet', text: tx('Ikke føle sig dum', 'Not feel stupid'), evidence: 'assumed' },
    { on: 'erik-signup', kind: 'pain-point', text: tx('Filialen og appen er to siloer: ingen kan hjælpe på tværs', 'The branch and the app are two silos: nobody helps across them'), evidence: 'observed' },
    { on: 'erik-wrong', kind: 'pain-point', text: tx('Kundeservice kan ikke se overførslen i appen', 'Customer service cannot see the transfer in the app'), evidence: 'measured' },
    { on: 'erik-need', kind: 'pain-point', text: tx('Reg.nr. og kontonummer er svære at finde frem', 'Sort code and account number are hard to find'), evidence: 'assumed' },
    { on: 'sofie-pay', kind: 'moment-of-truth', text: tx('Pengene er fremme med det samme – super nemt', 'The money arrives at once – super easy'), evidence: 'measured' },
    { on: 'erik-pay', kind: 'moment-of-truth', text: tx('Modtagerens navn vises, før han godkender', 'The recipient’s name shows before he approves') },
    { on: 'erik-wrong', kind: 'opportunity', text: tx('Fortryd en overførsel inden for 10 minutter', 'Undo a transfer within 10 minutes'), impact: 4, effort: 4 },
    { on: 'erik-signup', kind: 'opportunity', text: tx('Filialen hjælper med appen', 'The branch helps with the app'), impact: 4, effort: 1 },
    { on: 'pay', kind: 'opportunity', text: tx('Anmod om betaling med et link', 'Request a payment with a link'), impact: 2, effort: 2 },
    { on: 'phase:before', kind: 'note', text: tx('Strategien blev sat i gang, fordi banken oplevede massiv kundekritik ovenpå finanskrisen.', 'The strategy started because the bank faced massive customer criticism after the financial crisis.') },
  ],
  links: [{ from: 'erik-pay', to: 'erik-wrong', label: tx('hvis nummeret er forkert', 'if the number is wrong') }],
  promises: [
    {
      key: 'easy',
      text: tx('Det skal være super nemt at betale', 'Paying must be super easy'),
      priorities: [
        { text: tx('En overførsel tager under 10 sekunder', 'A transfer takes under 10 seconds'), measure: tx('Median tid pr. overførsel', 'Median time per transfer'), target: tx('< 10 s', '< 10 s'), touchpoints: ['sofie-pay', 'erik-pay'] },
        { text: tx('Alle kanaler kan hjælpe med appen', 'Every channel can help with the app'), measure: tx('Sager løst i første kontakt', 'Cases solved at first contact'), target: tx('90 %', '90%'), touchpoints: ['erik-signup', 'erik-wrong'] },
      ],
    },
  ],
  actions: [
    { key: 'branch', title: tx('Uddan filialerne i appen', 'Train the branches in the app'), owner: SERVICE, measure: tx('Filialer med app-ambassadør', 'Branches with an app ambassador'), target: tx('100 %', '100%'), dueDate: '2026-04-01', status: 'in-progress', addresses: [1, 6] },
    { key: 'lookup', title: tx('Kundeservice får opslag i app-overførsler', 'Customer service can look up app transfers'), owner: tx('IT', 'IT'), measure: tx('CES ved fejloverførsel', 'CES after a wrong transfer'), target: tx('≥ 5', '≥ 5'), dueDate: '2026-06-15', status: 'planned', addresses: [2, 7] },
    { key: 'undo', title: tx('Fortryd-knap i 10 minutter', 'An undo button for 10 minutes'), owner: RISK, measure: tx('Fejloverførsler uden opkald', 'Wrong transfers solved without a call'), target: tx('80 %', '80%'), dueDate: '', status: 'blocked', addresses: [5] },
  ],
}
