/**
 * Karoline's car service as it could be (seeds/004): one to-be journey per strategy of
 * «Fire strategier for en god kundeopplevelse» — rask respons, rådgivende salg, proaktivt
 * salg/coaching, automatisk tjeneste — in the article's words, Norwegian Bokmål and English.
 * Persona and stage titles are those of the as-is template (karolineCarService.ts), so an as-is
 * map and a to-be map made from these templates line up in the as-is/to-be comparison. Titles
 * name the strategy, not Karoline, so "Karoline's car service" stays the one as-is template.
 */
import { KAROLINE_CAR_SERVICE } from './karolineCarService'
import type { PlanSpec } from './planSpec'

type L = 'nb' | 'en'
const tx = (nb: string, en: string) => ({ nb, en })
const stages = (...keys: string[]) =>
  keys.map((key) => {
    const stage = KAROLINE_CAR_SERVICE.stages.find((s) => s.key === key)
    if (!stage) throw new Error(`karolineToBe: the as-is template has no stage ${key}`)
    return stage
  })
const personas = KAROLINE_CAR_SERVICE.personas.filter((p) => p.key === 'karoline')

const DIGITAL = tx('Digitale kanaler', 'Digital channels')
const WORKSHOP = tx('Verksted', 'Workshop')
const FINANCE = tx('Økonomi', 'Finance')
const SALES = tx('Salg', 'Sales')
const CRM = tx('Kundeservice', 'Customer service')

/** Kept in every strategy: the seed's reminder that repurchase is what makes any of them pay. */
const REPURCHASE_NOTE = {
  on: 'phase:after',
  kind: 'note' as const,
  text: tx('Gjenkjøp: alle fire strategier er avhengig av gjenkjøp for å være bærekraftige, og hvert gjenkjøp gir mer relevant data.', 'Repurchase: all four strategies depend on repurchase to be sustainable, and every repurchase adds relevant data.'),
}

export const KAROLINE_RAPID_RESPONSE: PlanSpec<L> = {
  title: tx('Bilservice til-være: rask respons', 'Car service to-be: rapid response'),
  description: tx(
    'Til-være-reisen med strategien rask respons: levere tjenestene kunden har bestilt så raskt og presist som mulig, gjennom selvbetjening i SUV-appen. For kunder som vil ha kontroll på kjøpsprosessen.',
    'The to-be journey under the rapid response strategy: deliver what the customer ordered as quickly and precisely as possible, through self-service in the SUV app. For customers who want control of the buying process.',
  ),
  variant: 'to-be',
  personas,
  stages: stages('service-light', 'app-booking', 'booking', 'courtesy-car', 'pick-up', 'payment'),
  touchpoints: [
    { key: 'light', stage: 'service-light', persona: 'karoline', title: tx('Servicevarsellampen lyser', 'The service light comes on'), description: tx('Hun må selv legge merke til lampen og ta initiativet i tide.', 'She has to notice the light herself and take the initiative in time.'), channel: tx('bilen', 'the car'), owner: WORKSHOP, emotion: -2, priority: 3 },
    { key: 'app', stage: 'app-booking', persona: 'karoline', title: tx('Finner service og dekkskifte i SUV-appen', 'Finds service and tyre change in the SUV app'), description: tx('Gjennom appen har forhandler og verksted all nødvendig informasjon tilgjengelig.', 'Through the app the dealer and the workshop have all the information they need.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 1, priority: 1, metrics: { ces: 6.1, cesTarget: 6, nps: 22, npsTarget: 30 } },
    { key: 'calendar', stage: 'booking', persona: 'karoline', title: tx('Kalender med ledige timer for begge', 'A calendar of free slots for both'), description: tx('Hun booker service og dekkbytte, og får det automatisk lagt inn i kalenderen i Outlook.', 'She books service and tyre change and gets it added to her Outlook calendar automatically.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 2, priority: 1, metrics: { nps: 41, npsTarget: 40 } },
    { key: 'courtesy', stage: 'courtesy-car', persona: 'karoline', title: tx('Takker ja til lånebil', 'Accepts a courtesy car'), description: tx('Hun leverer bilen på service, mottar lånebilen og kommer seg på jobb i tide.', 'She drops the car off for service, gets the courtesy car and gets to work on time.'), channel: tx('i person', 'in person'), owner: WORKSHOP, emotion: 2, priority: 2, metrics: { csat: 88, csatTarget: 85 } },
    { key: 'sms', stage: 'pick-up', persona: 'karoline', title: tx('SMS: bilen er klar til henting', 'SMS: the car is ready to collect'), description: tx('Med kostnadene for begge oppdragene og melding om hvor hun kan hente bilen.', 'With the cost of both jobs and where to collect the car.'), channel: tx('SMS', 'SMS'), owner: CRM, emotion: 1, priority: 2 },
    { key: 'vipps', stage: 'payment', persona: 'karoline', title: tx('Betaler med Vipps', 'Pays with Vipps'), description: tx('Informasjon om alternative betalingsmåter; hun velger Vipps.', 'Information about other ways to pay; she chooses Vipps.'), channel: tx('app', 'app'), owner: FINANCE, emotion: 2, priority: 3, metrics: { csat: 91, csatTarget: 90, ces: 6.6, cesTarget: 6 } },
  ],
  annotations: [
    { on: 'app', kind: 'functional-need', status: 'met', text: tx('Bestille service og dekkskifte samlet, i appen', 'Book service and tyre change together, in the app'), evidence: 'measured' },
    { on: 'courtesy', kind: 'functional-need', status: 'met', text: tx('Ha bil for å komme seg på jobb i tide', 'Have a car to get to work on time'), evidence: 'observed' },
    { on: 'sms', kind: 'functional-need', status: 'partly', text: tx('Vite hvor hun kan hente bilen', 'Know where to collect the car'), evidence: 'assumed' },
    { on: 'karoline', kind: 'emotional-need', status: 'met', text: tx('Ha kontroll på kjøpsprosessen selv', 'Be in control of the buying process herself') },
    { on: 'light', kind: 'emotional-need', status: 'unmet', text: tx('Trygghet for at bilen er klar for vinteren', 'Feel sure the car is ready for winter'), evidence: 'assumed' },
    { on: 'light', kind: 'pain-point', text: tx('Strategien forutsetter at kunden selv er klar over behovet og tar initiativ i tide', 'The strategy assumes the customer knows the need and takes the initiative in time'), evidence: 'observed' },
    { on: 'calendar', kind: 'moment-of-truth', text: tx('Ledige timer for både service og dekkbytte i én kalender, rett inn i Outlook', 'Free slots for service and tyre change in one calendar, straight into Outlook'), evidence: 'observed' },
    { on: 'light', kind: 'opportunity', text: tx('Påminnelse i appen før varsellampen lyser', 'A reminder in the app before the service light comes on'), impact: 4, effort: 2 },
    { on: 'vipps', kind: 'opportunity', text: tx('Kvittering og spesifisert faktura i appen', 'Receipt and itemised invoice in the app'), impact: 2, effort: 1 },
    { on: 'booking', kind: 'opportunity', text: tx('Vise ventetid til neste ledige time', 'Show the wait until the next free slot'), impact: 2, effort: 4 },
    { on: 'karoline', kind: 'note', text: tx('Kunder som foretrekker å ha kontroll på kjøpsprosessen, foretrekker denne strategien.', 'Customers who prefer to be in control of the buying process prefer this strategy.') },
    REPURCHASE_NOTE,
  ],
  links: [
    { from: 'app', to: 'calendar', label: tx('samme økt', 'same session') },
    { from: 'sms', to: 'vipps', label: tx('betal fra meldingen', 'pay from the message') },
  ],
  promises: [
    {
      key: 'control',
      text: tx('Du bestemmer selv – og det du bestiller, leveres raskt og presist', 'You decide – and what you order is delivered quickly and precisely'),
      priorities: [
        { text: tx('Service og dekkskifte bestilles samlet i appen', 'Service and tyre change are booked together in the app'), measure: tx('Tid fra innlogging til bekreftet time', 'Time from log-in to confirmed slot'), target: tx('Under 2 minutter', 'Under 2 minutes'), touchpoints: ['app', 'calendar'] },
        { text: tx('Bilen er klar til avtalt tid, med SMS', 'The car is ready at the agreed time, with an SMS'), measure: tx('Andel biler klare til avtalt tid', 'Share of cars ready on time'), target: tx('95 %', '95%'), touchpoints: ['sms'] },
      ],
    },
  ],
  // The backstage this strategy needs: one calendar for both jobs, own courtesy cars, an SMS when the car is ready, mobile payment.
  blueprint: [
    { key: 'bp-calendar', lane: 'backstage', stage: 'booking', title: tx('Felles kalender for service og dekkskifte', 'One calendar for service and tyre change'), owner: DIGITAL, serves: ['app', 'calendar'] },
    { key: 'bp-fleet', lane: 'backstage', stage: 'courtesy-car', title: tx('Egen flåte av lånebiler, reservert ved bestilling', 'An own fleet of courtesy cars, reserved when booking'), owner: WORKSHOP, serves: ['courtesy'] },
    { key: 'bp-ready-sms', lane: 'support', stage: 'pick-up', title: tx('Verkstedsystemet sender SMS når bilen er klar', 'The workshop system sends an SMS when the car is ready'), owner: CRM, serves: ['sms'] },
    { key: 'bp-vipps', lane: 'support', stage: 'payment', title: tx('Vipps-betaling koblet til faktura', 'Vipps payment linked to the invoice'), owner: FINANCE, serves: ['vipps'] },
  ],
  actions: [
    { key: 'combined-booking', title: tx('Samlet bestilling av service og dekkskifte i SUV-appen', 'Combined booking of service and tyre change in the SUV app'), owner: DIGITAL, measure: tx('Andel bestillinger gjort i appen', 'Share of bookings made in the app'), target: tx('60 % innen utgangen av året', '60% by the end of the year'), dueDate: '2026-09-30', status: 'in-progress', addresses: [0] },
    { key: 'pick-up-place', title: tx('Hentested og kostnader i SMS-en når bilen er klar', 'Pick-up place and costs in the ready-to-collect SMS'), owner: CRM, measure: tx('Henvendelser om hvor bilen står', 'Calls asking where the car is'), target: tx('Halvert', 'Halved'), dueDate: '2026-06-30', status: 'planned', addresses: [2] },
    { key: 'reminder', title: tx('Påminnelse om service før vinteren', 'A service reminder before winter'), owner: SALES, measure: tx('Bestillinger før 1. november', 'Bookings before 1 November'), target: tx('+20 %', '+20%'), dueDate: '2026-10-01', status: 'planned', addresses: [4, 5] },
  ],
}

export const KAROLINE_ADVISORY_SALES: PlanSpec<L> = {
  title: tx('Bilservice til-være: rådgivende salg', 'Car service to-be: advisory sales'),
  description: tx(
    'Til-være-reisen med strategien rådgivende salg: forhandleren hjelper aktivt tidlig i kundeprosessen, med tjenester og informasjon tilpasset kundens digitale atferd. For kunder som verdsetter råd, men selv vil ta beslutningen.',
    'The to-be journey under the advisory sales strategy: the dealer actively helps early in the customer process, with services and information fitted to the customer’s digital behaviour. For customers who value advice but want to make the decision themselves.',
  ),
  variant: 'to-be',
  personas,
  stages: stages('app-booking', 'booking', 'courtesy-car', 'pick-up', 'payment'),
  touchpoints: [
    { key: 'app', stage: 'app-booking', persona: 'karoline', title: tx('Kobler opp SUV-appen', 'Opens the SUV app'), description: tx('Forhandler og verksted har all nødvendig informasjon tilgjengelig.', 'The dealer and the workshop have all the information they need.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 0, priority: 2, metrics: { ces: 5.2, cesTarget: 6 } },
    { key: 'dates', stage: 'booking', persona: 'karoline', title: tx('Forslag til datoer som passer', 'Suggested dates that suit her'), description: tx('For service og dekkskifte, og spørsmål om hun ønsker lånebil.', 'For service and tyre change, and whether she wants a courtesy car.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 1, priority: 1, metrics: { nps: 35, npsTarget: 40 } },
    { key: 'offer', stage: 'booking', persona: 'karoline', title: tx('Tilbud: rens av seter og lakkbehandling −50 %', 'Offer: seat cleaning and paint treatment −50%'), description: tx('Forhandleren kjenner kjørelengden og tilbyr tjenester som passer livsløpet til SUVen; hun takker ja.', 'The dealer knows the mileage and offers services that fit the SUV’s life cycle; she accepts.'), channel: tx('app', 'app'), owner: SALES, emotion: 2, priority: 2 },
    { key: 'courtesy', stage: 'courtesy-car', persona: 'karoline', title: tx('Lånebil, fordi hun bestilte det sist', 'A courtesy car, because she booked one last time'), description: tx('Forhandleren vet at arbeidsstedet er i bilavstand fra verkstedet.', 'The dealer knows her workplace is within driving distance of the workshop.'), channel: tx('i person', 'in person'), owner: WORKSHOP, emotion: 2, priority: 2, metrics: { csat: 90, csatTarget: 85 } },
    { key: 'unlock', stage: 'pick-up', persona: 'karoline', title: tx('Låser opp bilen med mobilappen', 'Unlocks the car with the mobile app'), description: tx('Hun slipper å gå inn i resepsjonen for å hente nøkler og betale.', 'She does not have to go into the reception for keys and to pay.'), channel: tx('app', 'app'), owner: WORKSHOP, emotion: 2, priority: 1 },
    { key: 'pay', stage: 'payment', persona: 'karoline', title: tx('Betaler direkte i appen, som sist', 'Pays directly in the app, as last time'), description: tx('Spesifisert faktura i appen og på SMS.', 'Itemised invoice in the app and by SMS.'), channel: tx('app', 'app'), owner: FINANCE, emotion: -2, priority: 3, metrics: { csat: 58, csatTarget: 85 } },
  ],
  annotations: [
    { on: 'dates', kind: 'functional-need', status: 'met', text: tx('Få en time som passer, før vinteren', 'Get a slot that suits her, before winter'), evidence: 'measured' },
    { on: 'pay', kind: 'functional-need', status: 'unmet', text: tx('Forstå hva hun betaler for', 'Understand what she pays for'), evidence: 'observed' },
    { on: 'karoline', kind: 'emotional-need', status: 'met', text: tx('Få råd, men ta beslutningen selv', 'Get advice, but make the decision herself') },
    { on: 'offer', kind: 'emotional-need', status: 'partly', text: tx('Føle at tilbudet er til hennes beste, ikke et mersalg', 'Feel the offer is for her good, not an upsell'), evidence: 'assumed' },
    { on: 'pay', kind: 'pain-point', text: tx('Fakturaen i appen viser totalen før den spesifiserte fakturaen kommer', 'The app shows the total before the itemised invoice arrives'), evidence: 'measured' },
    { on: 'unlock', kind: 'moment-of-truth', text: tx('Hun slipper resepsjonen: låser opp bilen med mobilen', 'She skips the reception: unlocks the car with her phone'), evidence: 'observed' },
    { on: 'offer', kind: 'opportunity', text: tx('Forklar hvorfor tilbudet passer bilen hennes', 'Explain why the offer fits her car'), impact: 3, effort: 1 },
    { on: 'booking', kind: 'opportunity', text: tx('Bruk datafangst systematisk gjennom hele kundereisen', 'Use data capture systematically through the whole journey'), impact: 5, effort: 5 },
    { on: 'phase:during', kind: 'note', text: tx('Opplevelsen er bedre enn under rask respons, hovedsakelig fordi leverandøren bruker digital datafangst systematisk.', 'The experience is better than under rapid response, mainly because the supplier uses digital data capture systematically.') },
    REPURCHASE_NOTE,
  ],
  links: [{ from: 'dates', to: 'offer', label: tx('samme bestilling', 'same booking') }],
  promises: [
    {
      key: 'advice',
      text: tx('Vi kjenner deg og bilen din, og gir råd du kan stole på', 'We know you and your car, and give advice you can trust'),
      priorities: [{ text: tx('Tilbud bygger på bilens kjørelengde og tidligere bestillinger', 'Offers build on the car’s mileage and past bookings'), measure: tx('Andel tilbud som takkes ja til', 'Share of offers accepted'), target: tx('30 %', '30%'), touchpoints: ['offer', 'courtesy'] }],
    },
  ],
  // The backstage this strategy needs: a customer history that suggests dates and offers, digital keys, payment in the app.
  blueprint: [
    { key: 'bp-history', lane: 'backstage', stage: 'booking', title: tx('Kundehistorikk og kjørelengde styrer forslag og tilbud', 'Customer history and mileage drive suggestions and offers'), owner: SALES, serves: ['dates', 'offer'] },
    { key: 'bp-calendar', lane: 'backstage', stage: 'booking', title: tx('Felles kalender for service og dekkskifte', 'One calendar for service and tyre change'), owner: DIGITAL, serves: ['dates'] },
    { key: 'bp-fleet', lane: 'backstage', stage: 'courtesy-car', title: tx('Lånebil reservert ut fra forrige bestilling', 'A courtesy car reserved from the last booking'), owner: WORKSHOP, serves: ['courtesy'] },
    { key: 'bp-digital-key', lane: 'support', stage: 'pick-up', title: tx('Digital nøkkel i appen', 'A digital key in the app'), owner: DIGITAL, serves: ['unlock'] },
    { key: 'bp-app-payment', lane: 'support', stage: 'payment', title: tx('Betaling og spesifisert faktura i appen', 'Payment and itemised invoice in the app'), owner: FINANCE, serves: ['pay'] },
  ],
  actions: [
    { key: 'itemised', title: tx('Spesifisert faktura i appen før betaling', 'Itemised invoice in the app before payment'), owner: FINANCE, measure: tx('CSAT ved betaling', 'CSAT at payment'), target: tx('85 %', '85%'), dueDate: '2026-08-15', status: 'planned', addresses: [1, 4] },
    { key: 'why-offer', title: tx('Begrunnelse på hvert tilbud', 'A reason on every offer'), owner: SALES, measure: tx('Klager på mersalg', 'Complaints about upselling'), target: tx('Ingen', 'None'), dueDate: '', status: 'blocked', addresses: [3] },
  ],
}

export const KAROLINE_PROACTIVE_COACHING: PlanSpec<L> = {
  title: tx('Bilservice til-være: proaktivt salg/coaching', 'Car service to-be: proactive coaching'),
  description: tx(
    'Til-være-reisen med strategien proaktivt salg/coaching: initiativet kommer fra leverandøren, som minner kunden på behovene og hjelper henne å handle. For kunder som forstår at de trenger rådgivning og påvirkning.',
    'The to-be journey under the proactive sales/coaching strategy: the initiative comes from the supplier, who reminds the customer of her needs and helps her act. For customers who understand they need advice and a nudge.',
  ),
  variant: 'to-be',
  personas,
  stages: stages('service-light', 'booking', 'courtesy-car', 'pick-up', 'payment'),
  touchpoints: [
    { key: 'message', stage: 'service-light', persona: 'karoline', title: tx('Melding i appen med forslag til dato', 'A message in the app proposing a date'), description: tx('Forhandleren har datafangst på bilens servicebehov; forslaget gjelder service og dekkskifte, og om hun ønsker lånebil.', 'The dealer captures the car’s service needs; the proposal covers service and tyre change, and whether she wants a courtesy car.'), channel: tx('app', 'app'), owner: SALES, emotion: 1, priority: 1, metrics: { nps: 45, npsTarget: 40 } },
    { key: 'tips', stage: 'service-light', persona: 'karoline', title: tx('Tips til å forberede bilen på vinteren', 'Tips to prepare the car for winter'), description: tx('Sjekker og kontroller hun selv kan utføre.', 'Checks she can do herself.'), channel: tx('app', 'app'), owner: CRM, emotion: 1, priority: 4 },
    { key: 'roofbox', stage: 'booking', persona: 'karoline', title: tx('Tilbud om å leie eller kjøpe takboks', 'An offer to rent or buy a roof box'), description: tx('Forhandleren vet at hun kjører til Golsfjellet hver 14. dag i vintermånedene.', 'The dealer knows she drives to Golsfjellet every other week in winter.'), channel: tx('app', 'app'), owner: SALES, emotion: -2, priority: 3 },
    { key: 'courtesy', stage: 'courtesy-car', persona: 'karoline', title: tx('Leverer bilen og får lånebil', 'Drops the car off and gets a courtesy car'), description: tx('Hun kommer seg på jobb i tide.', 'She gets to work on time.'), channel: tx('i person', 'in person'), owner: WORKSHOP, emotion: 2, priority: 2 },
    { key: 'ready', stage: 'pick-up', persona: 'karoline', title: tx('Bilen er klar – med takboks montert', 'The car is ready – with the roof box fitted'), description: tx('Melding i appen og på SMS om hvor hun kan hente bilen; takboksen er klar til weekendturen.', 'A message in the app and by SMS about where to collect the car; the roof box is ready for the weekend trip.'), channel: tx('SMS', 'SMS'), owner: WORKSHOP, emotion: 2, priority: 2, metrics: { csat: 93, csatTarget: 90 } },
    { key: 'vipps', stage: 'payment', persona: 'karoline', title: tx('Betaler med Vipps, uten kø', 'Pays with Vipps, no queue'), description: tx('Hun slipper å vente i en kortterminalkø.', 'She does not have to queue at a card terminal.'), channel: tx('app', 'app'), owner: FINANCE, emotion: 1, priority: 3, metrics: { ces: 6.4, cesTarget: 6 } },
  ],
  annotations: [
    { on: 'message', kind: 'functional-need', status: 'met', text: tx('Bli minnet på service før det er for sent', 'Be reminded of the service before it is too late'), evidence: 'measured' },
    { on: 'roofbox', kind: 'functional-need', status: 'partly', text: tx('Plass til utstyret på turene til fjells', 'Room for the gear on mountain trips'), evidence: 'assumed' },
    { on: 'karoline', kind: 'emotional-need', status: 'met', text: tx('Føle at noen passer på bilen for henne', 'Feel someone looks after the car for her') },
    { on: 'roofbox', kind: 'emotional-need', status: 'unmet', text: tx('Ikke føle seg overvåket', 'Not feel watched'), evidence: 'observed' },
    { on: 'roofbox', kind: 'pain-point', text: tx('Tilbud basert på posisjonsdata kan oppleves som overvåking', 'Offers built on location data can feel like surveillance'), evidence: 'observed' },
    { on: 'ready', kind: 'moment-of-truth', text: tx('Takboksen er montert til weekendturen til Golsfjellet', 'The roof box is fitted for the weekend trip to Golsfjellet') },
    { on: 'roofbox', kind: 'opportunity', text: tx('Spør om samtykke før posisjonsdata brukes i tilbud', 'Ask for consent before using location data in offers'), impact: 4, effort: 2 },
    { on: 'booking', kind: 'opportunity', text: tx('Vinterpakke: dekkskifte, sjekk og takboks', 'Winter package: tyre change, check-up and roof box'), impact: 3, effort: 3 },
    { on: 'phase:before', kind: 'note', text: tx('Mange av oss er relativt dårlige til å forutse egne behov eller beskrive dem for leverandørene.', 'Many of us are rather poor at foreseeing our own needs or describing them to suppliers.') },
    REPURCHASE_NOTE,
  ],
  links: [{ from: 'roofbox', to: 'ready', label: tx('montert ved service', 'fitted at the service') }],
  promises: [
    {
      key: 'ahead',
      text: tx('Vi tenker på bilen din før du trenger det', 'We think of your car before you need to'),
      priorities: [{ text: tx('Forslag til servicedato kommer før varsellampen lyser', 'A service date is proposed before the service light comes on'), measure: tx('Andel servicer bestilt fra forslag', 'Share of services booked from a proposal'), target: tx('70 %', '70%'), touchpoints: ['message'] }],
    },
  ],
  // The backstage this strategy needs: data on the car's service needs, courtesy cars and fitting, an SMS when ready, Vipps.
  blueprint: [
    { key: 'bp-car-data', lane: 'backstage', stage: 'service-light', title: tx('Datafangst på bilens servicebehov foreslår dato', 'Data on the car’s service needs proposes a date'), owner: SALES, serves: ['message'] },
    { key: 'bp-calendar', lane: 'backstage', stage: 'booking', title: tx('Felles kalender for service, dekkskifte og montering', 'One calendar for service, tyre change and fitting'), owner: DIGITAL, serves: ['roofbox'] },
    { key: 'bp-fleet', lane: 'backstage', stage: 'courtesy-car', title: tx('Egen flåte av lånebiler', 'An own fleet of courtesy cars'), owner: WORKSHOP, serves: ['courtesy'] },
    { key: 'bp-ready-sms', lane: 'support', stage: 'pick-up', title: tx('SMS og melding i appen når bilen er klar', 'An SMS and an app message when the car is ready'), owner: CRM, serves: ['ready'] },
    { key: 'bp-vipps', lane: 'support', stage: 'payment', title: tx('Vipps-betaling koblet til faktura', 'Vipps payment linked to the invoice'), owner: FINANCE, serves: ['vipps'] },
  ],
  actions: [{ key: 'consent', title: tx('Samtykke til bruk av posisjonsdata i appen', 'Consent for location data in the app'), owner: DIGITAL, measure: tx('Andel kunder som har tatt stilling', 'Share of customers who have chosen'), target: tx('80 %', '80%'), dueDate: '2026-05-31', status: 'in-progress', addresses: [3, 4] }],
}

export const KAROLINE_AUTOMATIC_SERVICE: PlanSpec<L> = {
  title: tx('Bilservice til-være: automatisk tjeneste', 'Car service to-be: automatic service'),
  description: tx(
    'Til-være-reisen med strategien automatisk tjeneste: da Karoline leaset bilen, avtalte hun at forhandleren kan bruke data fra bilbruken til bedre service og oppfølging. Tjenesten skjer uten at hun trenger å ta initiativ.',
    'The to-be journey under the automatic service strategy: when Karoline leased the car she agreed that the dealer may use data from her driving for better service and follow-up. The service happens without her having to act.',
  ),
  variant: 'to-be',
  personas,
  stages: stages('service-light', 'booking', 'courtesy-car', 'pick-up', 'invoice'),
  touchpoints: [
    { key: 'notice', stage: 'service-light', persona: 'karoline', title: tx('Melding: bilen hentes om syv dager', 'Message: the car will be collected in seven days'), description: tx('I appen og på SMS, for service og dekkskifte.', 'In the app and by SMS, for service and tyre change.'), channel: tx('app', 'app'), owner: WORKSHOP, emotion: 1, priority: 1, metrics: { nps: 52, npsTarget: 50 } },
    { key: 'one-tap', stage: 'booking', persona: 'karoline', title: tx('Ny dato med ett tastetrykk', 'A new date with one tap'), description: tx('Hvis det ikke passer, legger hun inn en alternativ dato.', 'If it does not suit her, she enters another date.'), channel: tx('app', 'app'), owner: DIGITAL, emotion: 1, priority: 2, metrics: { ces: 6.8, cesTarget: 6.5 } },
    { key: 'pickup-sms', stage: 'courtesy-car', persona: 'karoline', title: tx('SMS: servicemann henter bilen om ca. 30 minutter', 'SMS: a service driver collects the car in about 30 minutes'), description: tx('Hun kommer seg på jobb med lånebilen.', 'She gets to work in the courtesy car.'), channel: tx('SMS', 'SMS'), owner: WORKSHOP, emotion: -2, priority: 2 },
    { key: 'next-car', stage: 'service-light', persona: 'karoline', title: tx('Lånebil som kan passe som neste bil', 'A courtesy car that might suit her as her next car'), description: tx('Hun får beskjed i samme melding: fri bruk i serviceperioden, eller forlenget med 48 timer mot en rimelig leie.', 'She is told in the same message: free to use during the service, or extended by 48 hours for a modest fee.'), channel: tx('i person', 'in person'), owner: SALES, emotion: 2, priority: 3 },
    { key: 'delivered', stage: 'pick-up', persona: 'karoline', title: tx('Bilen leveres hjem kl. 18, nyvasket og polert', 'The car is delivered home at 18:00, washed and polished'), description: tx('Som avtalt; vask og polering er en betalbar tjeneste ved behov.', 'As agreed; washing and polishing are a paid service when needed.'), channel: tx('i person', 'in person'), owner: WORKSHOP, emotion: 2, priority: 1, metrics: { csat: 96, csatTarget: 90 } },
    { key: 'paid', stage: 'invoice', persona: 'karoline', title: tx('Regningen er allerede betalt', 'The bill is already paid'), description: tx('Oppsummering av servicen og tilstanden på dekkene ligger i appen.', 'A summary of the service and the state of the tyres is in the app.'), channel: tx('app', 'app'), owner: FINANCE, emotion: 1, priority: 3 },
  ],
  annotations: [
    { on: 'notice', kind: 'functional-need', status: 'met', text: tx('Få service og dekkskifte uten å ta initiativ', 'Get service and tyre change without having to act'), evidence: 'measured' },
    { on: 'pickup-sms', kind: 'functional-need', status: 'partly', text: tx('Vite i god tid når bilen hentes', 'Know well ahead when the car is collected'), evidence: 'observed' },
    { on: 'karoline', kind: 'emotional-need', status: 'met', text: tx('Slippe å tenke på bilen', 'Not have to think about the car') },
    { on: 'pickup-sms', kind: 'emotional-need', status: 'unmet', text: tx('Føle at hun har kontroll på dagen sin', 'Feel in control of her day'), evidence: 'assumed' },
    { on: 'pickup-sms', kind: 'pain-point', text: tx('30 minutters varsel er kort når hun skal på jobb', 'Thirty minutes’ notice is short when she is leaving for work'), evidence: 'assumed' },
    { on: 'delivered', kind: 'moment-of-truth', text: tx('Bilen kommer nyvasket og polert, og regningen er betalt', 'The car arrives washed and polished, and the bill is paid'), evidence: 'observed' },
    { on: 'pickup-sms', kind: 'opportunity', text: tx('Velg hentetidspunkt i appen dagen før', 'Pick the collection time in the app the day before'), impact: 3, effort: 2 },
    { on: 'next-car', kind: 'opportunity', text: tx('Prøvekjøring av neste bil som lånebil', 'A test drive of the next car as the courtesy car'), impact: 5, effort: 3 },
    { on: 'invoice', kind: 'opportunity', text: tx('Analoge alternativer for kunder som ikke vil dele data', 'Analogue options for customers who will not share data'), impact: 2, effort: 5 },
    { on: 'phase:after', kind: 'note', text: tx('En automatisk tjeneste er ikke løsningen på alle problemer: kundene er forskjellige i viljen til å dele data.', 'An automatic service is not the answer to everything: customers differ in how willing they are to share data.') },
    REPURCHASE_NOTE,
  ],
  links: [{ from: 'notice', to: 'one-tap', label: tx('passer det ikke?', 'does it not suit?') }],
  promises: [
    {
      key: 'taken-care',
      text: tx('Vi tar oss av bilen – du trenger ikke gjøre noe', 'We take care of the car – you need not do a thing'),
      priorities: [
        { text: tx('Bilen er tilbake hjemme samme dag, som avtalt', 'The car is back home the same day, as agreed'), measure: tx('Andel biler levert til avtalt tid', 'Share of cars delivered on time'), target: tx('98 %', '98%'), touchpoints: ['delivered'] },
        { text: tx('Hentetidspunktet varsles dagen før', 'The collection time is announced the day before'), measure: tx('Varseltid', 'Notice given'), target: tx('Minst 12 timer', 'At least 12 hours'), touchpoints: ['pickup-sms'] },
      ],
    },
  ],
  // The backstage this strategy needs: collection and delivery planned in one calendar, courtesy cars, SMS, payment on file.
  blueprint: [
    { key: 'bp-collection', lane: 'backstage', stage: 'service-light', title: tx('Henting planlagt i felles kalender for service og dekkskifte', 'Collection planned in one calendar for service and tyre change'), owner: WORKSHOP, serves: ['notice', 'one-tap'] },
    { key: 'bp-drivers', lane: 'frontstage', stage: 'courtesy-car', title: tx('Servicemann henter bilen og leverer lånebil', 'A service driver collects the car and leaves a courtesy car'), owner: WORKSHOP, serves: ['pickup-sms'] },
    { key: 'bp-fleet', lane: 'backstage', stage: 'courtesy-car', title: tx('Lånebiler fra bruktbilflåten', 'Courtesy cars from the used-car fleet'), owner: SALES, serves: ['next-car'] },
    { key: 'bp-sms', lane: 'support', stage: 'courtesy-car', title: tx('SMS-varsling fra verkstedsystemet', 'SMS notices from the workshop system'), owner: CRM, serves: ['pickup-sms'] },
    { key: 'bp-payment-on-file', lane: 'support', stage: 'invoice', title: tx('Lagret betalingsmåte trekkes automatisk', 'The stored payment method is charged automatically'), owner: FINANCE, serves: ['paid'] },
  ],
  actions: [{ key: 'notice-time', title: tx('Varsle henting dagen før, med valg av tidspunkt', 'Announce collection the day before, with a choice of time'), owner: WORKSHOP, measure: tx('Varseltid før henting', 'Notice before collection'), target: tx('≥ 12 timer', '≥ 12 hours'), dueDate: '2026-04-30', status: 'done', addresses: [1, 3, 4] }],
}
