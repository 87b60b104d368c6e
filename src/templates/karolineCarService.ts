/**
 * Karoline's car service, from Tore Berntsen's «Fire strategier for en god kundeopplevelse»
 * (seeds/004, Norwegian): the journey as it is today, in the article's own words, with its
 * pain points, and the four strategies it proposes (rask respons, rådgivende salg, proaktivt
 * salg/coaching, automatisk tjeneste) as opportunities on the touchpoints they would change.
 * Written once in Norwegian Bokmål and once in English, side by side.
 */
import type { JourneySpec } from './journeySpec'

export const KAROLINE_CAR_SERVICE: JourneySpec<'nb' | 'en'> = {
  title: { nb: 'Karolines bilservice', en: "Karoline's car service" },
  description: {
    nb:
      'Karoline ser servicevarsellampen lyse på SUVen og vil bestille service og dekkskifte. Kartet viser kundereisen slik den er i dag, ' +
      'med smertepunktene fra eksempelet, og mulighetene i de fire strategiene: rask respons, rådgivende salg, proaktivt salg/coaching og automatisk tjeneste.',
    en:
      "Karoline sees the service light come on in her SUV and wants to book a service and a tyre change. The map shows the journey as it is today, " +
      'with the pain points of the example, and the opportunities in the four strategies: rapid response, advisory sales, proactive sales/coaching and automatic service.',
  },

  personas: [
    {
      key: 'karoline',
      name: { nb: 'Karoline', en: 'Karoline' },
      description: {
        nb:
          'Har en SUV og er avhengig av bil for å komme til jobb; arbeidsstedet er i bilavstand fra verkstedet. ' +
          'Mål: få service og vinterdekk ordnet samlet, i tide før vinteren, uten å miste en arbeidsdag. ' +
          'Forventer at forhandleren kjenner bilen og henne, og at hun får lånebil, slik hun fikk sist. ' +
          'Foretrukne kanaler: forhandlerens app, SMS og Vipps; hun vil ha kontroll selv, men tar gjerne imot råd. ' +
          'Kjører til Golsfjellet hver 14. dag i vintermånedene.',
        en:
          'Owns an SUV and depends on it to get to work; her workplace is within driving distance of the workshop. ' +
          'Goal: get the service and winter tyres done together, in time for winter, without losing a working day. ' +
          'Expects the dealer to know her car and her, and to get a courtesy car, as she did last time. ' +
          'Preferred channels: the dealer’s app, SMS and Vipps; she likes to be in control but welcomes advice. ' +
          'Drives to Golsfjellet every other week in the winter months.',
      },
    },
  ],

  stages: [
    { key: 'service-light', phase: 'before', title: { nb: 'Servicevarsel', en: 'Service light' } },
    { key: 'app-booking', phase: 'before', title: { nb: 'Bestilling i appen', en: 'Booking in the app' } },
    { key: 'phone-call', phase: 'during', title: { nb: 'Telefon til verkstedet', en: 'Calling the workshop' } },
    { key: 'booking', phase: 'during', title: { nb: 'Timebestilling', en: 'Booking a slot' } },
    { key: 'courtesy-car', phase: 'during', title: { nb: 'Lånebil', en: 'Courtesy car' } },
    { key: 'pick-up', phase: 'after', title: { nb: 'Henting av bilen', en: 'Picking up the car' } },
    { key: 'payment', phase: 'after', title: { nb: 'Betaling', en: 'Payment' } },
    { key: 'invoice', phase: 'after', title: { nb: 'Faktura', en: 'Invoice' } },
  ],

  touchpoints: [
    {
      key: 'light-on',
      stage: 'service-light',
      persona: 'karoline',
      title: { nb: 'Servicevarsellampen lyser', en: 'The service light comes on' },
      description: {
        nb: 'Karoline ser servicevarsellampen lyse på bilen. Det nærmer seg vinter, så hun vil i tillegg legge om til vinterdekk.',
        en: 'Karoline sees the service light on in her car. Winter is coming, so she also wants to change to winter tyres.',
      },
      channel: { nb: 'bilen', en: 'the car' },
      owner: { nb: 'Verksted', en: 'Workshop' },
      emotion: 0,
      priority: null,
    },
    {
      key: 'app-login',
      stage: 'app-booking',
      persona: 'karoline',
      title: { nb: 'Logger seg på forhandlerens app', en: 'Logs in to the dealer’s app' },
      description: {
        nb: 'Hun logger seg på sin forhandlers app for å bestille service.',
        en: 'She logs in to her dealer’s app to book a service.',
      },
      channel: { nb: 'app', en: 'app' },
      owner: { nb: 'Digitale kanaler', en: 'Digital channels' },
      emotion: 1,
      priority: null,
    },
    {
      key: 'cannot-book-together',
      stage: 'app-booking',
      persona: 'karoline',
      title: { nb: 'Kan ikke bestille service og dekkskifte samlet', en: 'Cannot book service and tyre change together' },
      description: {
        nb: 'Det finnes ikke muligheter til å bestille dette samlet, og hun blir bedt om å ta kontakt med verkstedet på telefon.',
        en: 'There is no way to book both together, and she is asked to contact the workshop by phone.',
      },
      channel: { nb: 'app', en: 'app' },
      owner: { nb: 'Digitale kanaler', en: 'Digital channels' },
      emotion: -1,
      priority: 1,
    },
    {
      key: 'workshop-closed',
      stage: 'app-booking',
      persona: 'karoline',
      title: { nb: 'Verkstedet er stengt', en: 'The workshop is closed' },
      description: {
        nb: 'Klokken er 17 og verkstedet er stengt for dagen. Karoline må vente til neste dag.',
        en: 'It is 17:00 and the workshop has closed for the day. Karoline has to wait until the next day.',
      },
      channel: { nb: 'telefon', en: 'phone' },
      owner: { nb: 'Verksted', en: 'Workshop' },
      emotion: -2,
      priority: 2,
    },
    {
      key: 'switchboard',
      stage: 'phone-call',
      persona: 'karoline',
      title: { nb: 'Ringer sentralbordet', en: 'Calls the switchboard' },
      description: {
        nb: 'Neste dag ringer hun først til sentralbordet, og venter deretter to minutter på svar fra verkstedet.',
        en: 'The next day she first calls the switchboard, then waits two minutes for the workshop to answer.',
      },
      channel: { nb: 'telefon', en: 'phone' },
      owner: { nb: 'Kundeservice (sentralbord)', en: 'Customer service (switchboard)' },
      emotion: -1,
      priority: 3,
    },
    {
      key: 'slot-in-10-days',
      stage: 'booking',
      persona: 'karoline',
      title: { nb: 'Får time om 10 dager', en: 'Gets a slot in 10 days' },
      description: {
        nb: 'Hun får tid på verkstedet om 10 dager.',
        en: 'She gets a slot at the workshop in 10 days.',
      },
      channel: { nb: 'telefon', en: 'phone' },
      owner: { nb: 'Verksted', en: 'Workshop' },
      emotion: -1,
      priority: 2,
    },
    {
      key: 'rental-instead',
      stage: 'courtesy-car',
      persona: 'karoline',
      title: { nb: 'Tilbud om leiebil mot betaling', en: 'Offered a paid rental car' },
      description: {
        nb: 'Karoline er avhengig av bil for å komme til jobb, og spør om hun kan få en lånebil. Hun får tilbud om å leie en bil gjennom Avis (mot betaling).',
        en: 'Karoline depends on a car to get to work and asks for a courtesy car. She is offered a rental car through Avis (at her own cost).',
      },
      channel: { nb: 'telefon', en: 'phone' },
      owner: { nb: 'Salg', en: 'Sales' },
      emotion: -2,
      priority: 1,
    },
    {
      key: 'car-elsewhere',
      stage: 'pick-up',
      persona: 'karoline',
      title: { nb: 'Bilen står 100 meter unna', en: 'The car is 100 m away' },
      description: {
        nb: 'Hun går inn til SUV-forhandleren for å hente bilen, og får beskjed om at den står på dekkskifteverkstedet 100 meter unna.',
        en: 'She goes in to the SUV dealer to pick up the car and is told it is at the tyre shop 100 metres away.',
      },
      channel: { nb: 'personlig oppmøte', en: 'in person' },
      owner: { nb: 'Kundemottak', en: 'Service reception' },
      emotion: -1,
      priority: 2,
    },
    {
      key: 'waits-10-minutes',
      stage: 'pick-up',
      persona: 'karoline',
      title: { nb: 'Venter 10 minutter på en kundebehandler', en: 'Waits 10 minutes for an adviser' },
      description: {
        nb: 'Hun går dit og må vente 10 minutter før en kundebehandler har tid til å snakke med henne.',
        en: 'She walks over and has to wait 10 minutes before an adviser has time to talk to her.',
      },
      channel: { nb: 'personlig oppmøte', en: 'in person' },
      owner: { nb: 'Verksted (dekkskifte)', en: 'Workshop (tyre shop)' },
      emotion: -2,
      priority: 2,
    },
    {
      key: 'card-terminal',
      stage: 'payment',
      persona: 'karoline',
      title: { nb: 'Betaler i kortterminalen', en: 'Pays at the card terminal' },
      description: {
        nb: 'Hun får nøklene til bilen etter å ha betalt fakturaen via kortterminalen.',
        en: 'She gets the car keys after paying the bill at the card terminal.',
      },
      channel: { nb: 'personlig oppmøte', en: 'in person' },
      owner: { nb: 'Økonomi', en: 'Finance' },
      emotion: -1,
      priority: 3,
    },
    {
      key: 'invoice-by-post',
      stage: 'invoice',
      persona: 'karoline',
      title: { nb: 'Fakturaen kommer i posten en uke senere', en: 'The invoice arrives by post a week later' },
      description: {
        nb: 'En uke senere får hun fakturaen fra servicen på verkstedet i posten. Karoline sitter igjen med en relativt dårlig kundeopplevelse.',
        en: 'A week later the invoice for the service arrives by post. Karoline is left with a rather poor customer experience.',
      },
      channel: { nb: 'brev', en: 'letter' },
      owner: { nb: 'Økonomi', en: 'Finance' },
      emotion: -1,
      priority: 3,
    },
  ],

  annotations: [
    // Functional needs: what she needs done.
    { on: 'cannot-book-together', kind: 'functional-need', status: 'unmet', text: { nb: 'Bestille service og dekkskifte samlet, i appen', en: 'Book service and tyre change together, in the app' } },
    { on: 'workshop-closed', kind: 'functional-need', status: 'unmet', text: { nb: 'Få kontakt med verkstedet når det passer henne, også etter kl. 17', en: 'Reach the workshop when it suits her, also after 17:00' } },
    { on: 'slot-in-10-days', kind: 'functional-need', status: 'partly', text: { nb: 'Få en time som passer, før vinteren kommer', en: 'Get a slot that suits her, before winter comes' } },
    { on: 'rental-instead', kind: 'functional-need', status: 'partly', text: { nb: 'Ha bil for å komme seg på jobb i tide mens bilen er på service', en: 'Have a car to get to work on time while hers is in for service' } },
    { on: 'car-elsewhere', kind: 'functional-need', status: 'unmet', text: { nb: 'Vite hvor hun kan hente bilen', en: 'Know where to pick up the car' } },
    { on: 'card-terminal', kind: 'functional-need', status: 'partly', text: { nb: 'Betale enkelt, for eksempel med Vipps eller i appen', en: 'Pay easily, for example with Vipps or in the app' } },
    { on: 'pick-up', kind: 'functional-need', status: 'met', text: { nb: 'Få bilen tilbake ferdig servicet og med vinterdekk', en: 'Get the car back serviced and on winter tyres' } },
    { on: 'invoice-by-post', kind: 'functional-need', status: 'unmet', text: { nb: 'Få en spesifisert faktura med en gang, digitalt', en: 'Get an itemised invoice straight away, digitally' } },

    // Emotional needs: what she needs to feel.
    { on: 'karoline', kind: 'emotional-need', status: 'unmet', text: { nb: 'Føle seg ivaretatt: at forhandleren kjenner henne og bilen', en: 'Feel taken care of: the dealer knows her and her car' } },
    { on: 'light-on', kind: 'emotional-need', status: 'partly', text: { nb: 'Trygghet for at bilen er klar for vinteren', en: 'Feel sure the car is ready for winter' } },
    { on: 'phase:during', kind: 'emotional-need', status: 'unmet', text: { nb: 'Føle at tiden hennes blir respektert', en: 'Feel that her time is respected' } },
    { on: 'rental-instead', kind: 'emotional-need', status: 'unmet', text: { nb: 'Være trygg på at hun kommer seg på jobb', en: 'Feel sure she will get to work' } },

    // Pain points: where she is disappointed.
    { on: 'cannot-book-together', kind: 'pain-point', text: { nb: 'Appen kan ikke ta service og dekkskifte samlet; hun blir sendt til telefonen', en: 'The app cannot take service and tyre change together; she is sent to the phone' } },
    { on: 'workshop-closed', kind: 'pain-point', text: { nb: 'Verkstedet stenger kl. 17, så hun må vente til neste dag', en: 'The workshop closes at 17:00, so she has to wait until the next day' } },
    { on: 'switchboard', kind: 'pain-point', text: { nb: 'Må gå via sentralbordet og vente to minutter på svar', en: 'Has to go through the switchboard and wait two minutes for an answer' } },
    { on: 'slot-in-10-days', kind: 'pain-point', text: { nb: '10 dagers ventetid på verkstedet', en: 'A 10-day wait for the workshop' } },
    { on: 'rental-instead', kind: 'pain-point', text: { nb: 'Leiebil gjennom Avis mot betaling i stedet for lånebil', en: 'A paid rental through Avis instead of a courtesy car' } },
    { on: 'car-elsewhere', kind: 'pain-point', text: { nb: 'Bilen står på dekkskifteverkstedet 100 meter unna', en: 'The car is at the tyre shop 100 metres away' } },
    { on: 'waits-10-minutes', kind: 'pain-point', text: { nb: 'Må vente 10 minutter på en kundebehandler', en: 'Has to wait 10 minutes for an adviser' } },
    { on: 'card-terminal', kind: 'pain-point', text: { nb: 'Får ikke nøklene før hun har betalt; kø ved kortterminalen', en: 'No keys until she has paid; a queue at the card terminal' } },
    { on: 'invoice-by-post', kind: 'pain-point', text: { nb: 'Fakturaen kommer i posten en uke etter at hun har betalt', en: 'The invoice arrives by post a week after she has paid' } },

    // Moments of truth: where the experience is won or lost.
    { on: 'rental-instead', kind: 'moment-of-truth', text: { nb: 'Lånebilen avgjør om hun kommer seg på jobb i tide; et tilbud om lånebil ved bestilling snur opplevelsen', en: 'The courtesy car decides whether she gets to work on time; offering one at booking turns the experience around' } },
    { on: 'pick-up', kind: 'moment-of-truth', text: { nb: 'Hentingen er siste inntrykk: bilen levert hjem kl. 18, nyvasket og polert, med regningen betalt', en: 'Pick-up is the last impression: the car delivered home at 18:00, freshly washed and polished, the bill already paid' } },

    // Opportunities: the four strategies of the article.
    { on: 'cannot-book-together', kind: 'opportunity', text: { nb: 'Rask respons: i SUV-appen finner hun raskt fram til service og dekkskifte, får en kalender med ledige timer for begge, og timen legges automatisk inn i Outlook', en: 'Rapid response: in the SUV app she quickly finds service and tyre change, gets a calendar of free slots for both, and the booking goes straight into Outlook' } },
    { on: 'card-terminal', kind: 'opportunity', text: { nb: 'Rask respons: SMS om at bilen er klar, med kostnadene for begge oppdragene og alternative betalingsmåter; hun betaler med Vipps', en: 'Rapid response: an SMS that the car is ready, with the cost of both jobs and other ways to pay; she pays with Vipps' } },
    { on: 'booking', kind: 'opportunity', text: { nb: 'Rådgivende salg: forslag til datoer som passer, lånebil fordi hun bestilte det sist, og innvendig rens av seter og lakkbehandling til 50 % rabatt', en: 'Advisory sales: suggested dates that suit her, a courtesy car because she booked one last time, and seat cleaning and paint treatment at 50% off' } },
    { on: 'waits-10-minutes', kind: 'opportunity', text: { nb: 'Rådgivende salg: hun betaler i appen og låser opp bilen med mobilappen, og slipper resepsjonen', en: 'Advisory sales: she pays in the app and unlocks the car with her phone, skipping the reception' } },
    { on: 'light-on', kind: 'opportunity', text: { nb: 'Proaktivt salg/coaching: forhandleren ser servicebehovet i bilens data og foreslår dato for service og dekkskifte, tips til å forberede bilen på vinteren, og takboks til turene til Golsfjellet', en: 'Proactive sales/coaching: the dealer sees the service need in the car’s data and proposes a date for service and tyre change, tips to prepare the car for winter, and a roof box for her trips to Golsfjellet' } },
    { on: 'phase:during', kind: 'opportunity', text: { nb: 'Automatisk tjeneste: melding i appen og på SMS om at bilen blir hentet om syv dager, ny dato med ett tastetrykk, og en lånebil som kan passe som hennes neste bil', en: 'Automatic service: a message in the app and by SMS that the car will be collected in seven days, a new date with one tap, and a courtesy car that might suit her as her next car' } },
    { on: 'invoice-by-post', kind: 'opportunity', text: { nb: 'Automatisk tjeneste: regningen er allerede betalt etter avtale, og oppsummeringen av servicen og dekkenes tilstand ligger i appen', en: 'Automatic service: the bill is already paid as agreed, and a summary of the service and the state of the tyres is in the app' } },

    // Notes.
    { on: 'phase:after', kind: 'note', text: { nb: 'Dette er ikke en unik hendelse, men sannsynligvis noe som mange kunder av samme forhandler opplever.', en: 'This is not a one-off, but probably something many customers of the same dealer experience.' } },
    { on: 'karoline', kind: 'note', text: { nb: 'Kundene er forskjellige i viljen til å dele data. Et godt CRM-system kan vise hvilken av de fire tjenestemodellene den enkelte kunde foretrekker, og gjenkjøp gir mer innsikt for hver runde.', en: 'Customers differ in how willing they are to share data. A good CRM system can show which of the four service models each customer prefers, and every repurchase adds insight.' } },
  ],

  links: [
    { from: 'cannot-book-together', to: 'workshop-closed', label: { nb: 'bedt om å ringe', en: 'told to phone' } },
    { from: 'car-elsewhere', to: 'waits-10-minutes', label: { nb: '100 meter unna', en: '100 m away' } },
    { from: 'card-terminal', to: 'invoice-by-post', label: { nb: 'en uke senere', en: 'a week later' } },
  ],

  // The service blueprint behind the journey (issue 20): what each department does in front of
  // Karoline, out of her sight, and which systems and agreements shape it, as the article tells it.
  blueprint: [
    { key: 'bp-light', lane: 'evidence', stage: 'service-light', title: { nb: 'Servicevarsellampen i dashbordet', en: 'The service light on the dashboard' }, owner: { nb: 'Verksted', en: 'Workshop' }, serves: ['light-on'] },
    { key: 'bp-card-terminal', lane: 'evidence', stage: 'payment', title: { nb: 'Kortterminal i resepsjonen', en: 'A card terminal at the reception' }, owner: { nb: 'Økonomi', en: 'Finance' }, serves: ['card-terminal'] },
    { key: 'bp-paper-invoice', lane: 'evidence', stage: 'invoice', title: { nb: 'Papirfaktura i posten', en: 'A paper invoice in the post' }, owner: { nb: 'Økonomi', en: 'Finance' }, serves: ['invoice-by-post'] },
    {
      key: 'bp-switchboard',
      lane: 'frontstage',
      stage: 'phone-call',
      title: { nb: 'Sentralbordet setter over til verkstedet', en: 'The switchboard puts her through to the workshop' },
      description: { nb: 'Sentralbordet kan ikke svare på verkstedsspørsmål; kunden venter to minutter.', en: 'The switchboard cannot answer workshop questions; the customer waits two minutes.' },
      owner: { nb: 'Kundeservice (sentralbord)', en: 'Customer service (switchboard)' },
      serves: ['switchboard'],
    },
    { key: 'bp-offer-rental', lane: 'frontstage', stage: 'courtesy-car', title: { nb: 'Tilbyr leiebil mot betaling', en: 'Offers a paid rental car' }, owner: { nb: 'Salg', en: 'Sales' }, serves: ['rental-instead'] },
    { key: 'bp-reception', lane: 'frontstage', stage: 'pick-up', title: { nb: 'Kundemottaket viser henne til dekkverkstedet', en: 'The service reception sends her to the tyre shop' }, owner: { nb: 'Kundemottak', en: 'Service reception' }, serves: ['car-elsewhere', 'waits-10-minutes'] },
    {
      key: 'bp-booking-system',
      lane: 'backstage',
      stage: 'app-booking',
      title: { nb: 'Bookingsystemet kan ikke bestille service og dekkskifte samtidig', en: 'The booking system cannot book service and tyre change together' },
      description: { nb: 'To separate kalendere: én for verkstedet, én for dekkhotellet.', en: 'Two separate calendars: one for the workshop, one for the tyre shop.' },
      owner: { nb: 'Digitale kanaler', en: 'Digital channels' },
      serves: ['cannot-book-together'],
    },
    { key: 'bp-capacity', lane: 'backstage', stage: 'booking', title: { nb: 'Verkstedkapasitet: første ledige time om 10 dager', en: 'Workshop capacity: the first free slot is in 10 days' }, owner: { nb: 'Verksted', en: 'Workshop' }, serves: ['slot-in-10-days'] },
    { key: 'bp-tyre-shop', lane: 'backstage', stage: 'pick-up', title: { nb: 'Dekkskiftet gjøres i et eget dekkverksted 100 m unna', en: 'Tyres are changed at a separate tyre shop 100 m away' }, owner: { nb: 'Verksted (dekkskifte)', en: 'Workshop (tyre shop)' }, serves: ['car-elsewhere', 'waits-10-minutes'] },
    { key: 'bp-phone-hours', lane: 'support', stage: 'app-booking', title: { nb: 'Verkstedets telefon er stengt etter kl. 17', en: 'The workshop’s phone closes at 17:00' }, owner: { nb: 'Verksted', en: 'Workshop' }, serves: ['workshop-closed'] },
    {
      key: 'bp-rental-agreement',
      lane: 'support',
      stage: 'courtesy-car',
      title: { nb: 'Leieavtale med et eksternt bilutleiefirma i stedet for egne lånebiler', en: 'A rental agreement with a third party instead of own courtesy cars' },
      owner: { nb: 'Salg', en: 'Sales' },
      serves: ['rental-instead'],
    },
    { key: 'bp-invoicing', lane: 'support', stage: 'invoice', title: { nb: 'Fakturering per post en uke etter besøket', en: 'Invoicing by post a week after the visit' }, owner: { nb: 'Økonomi', en: 'Finance' }, serves: ['invoice-by-post'] },
  ],
}
