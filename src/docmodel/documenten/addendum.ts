/** addendum-<aanbieder>.pdf: the aanbieder-specifieke tarieven of one provider, what differs, and their opbouw. Pure. */
import type { Aanbieder, Param, ParameterSet } from '../../params/types.ts';
import type { Tarievenplan } from '../../model/types.ts';
import { rekenPeildatum, waardeOp } from '../../params/regels.ts';
import { getal } from '../../shared/format.ts';
import { cel, t, type Blok, type Cel } from '../document.ts';
import { algemeneView, contractenView, Bronnen, kaftgegevens, stappenTabel, perUurBedrag, tariefBedrag, variantLabel, vindplaatsCel, metSet, type DocumentOpties, type DocumentSpec } from './gemeenschappelijk.ts';

function paramTekst(p: Param | undefined, datum: string): string {
  if (!p) return '—';
  const w = waardeOp(p, datum);
  return w ? `${getal(w.waarde, Math.max(0, w.waarde.decimalPlaces()))}${p.eenheid === 'procent' ? ' %' : ''}` : '—';
}

export function addendumSpec(set: ParameterSet, plan: Tarievenplan, a: Aanbieder, gegeven: DocumentOpties): DocumentSpec {
  const opties = metSet(set, gegeven);
  const metPlek = !!opties.parametersetUrl;
  const variant = `aanbieder-${a.id}`;
  const peil = set.indexering ? rekenPeildatum(set) : plan.model.peildatum;
  const cao = set.caos.get(a.cao);
  const bronnen = new Bronnen();
  const tarieven = plan.tarieven.filter((x) => x.variant === variant);
  for (const x of tarieven) for (const s of x.opbouw) for (const p of s.parameters) bronnen.van(p.bron);

  const afwijkingen = (): Blok[] => {
    const rijen = a.producten.flatMap((ov) => {
      const p = set.producten.find((x) => x.code === ov.code);
      if (!p || p.berekening !== 'kostprijs') return [];
      const r: { cellen: ReturnType<typeof cel>[] }[] = [];
      const regel = (wat: string, product: string, aanbieder: string, plek: Cel) => r.push({ cellen: [cel(`${p.code} ${p.naam}`), cel(wat), cel(product), cel(aanbieder, { vet: true }), ...(metPlek ? [plek] : [])] });
      if (ov.groepsgrootte) regel('groepsgrootte', paramTekst(p.groepsgrootte, peil), paramTekst(ov.groepsgrootte, peil), vindplaatsCel(ov.groepsgrootte.herkomst.bestand, ov.groepsgrootte.herkomst.regel, opties));
      if (ov.urenPerEenheid) regel('uren per eenheid', paramTekst(p.urenPerEenheid, peil), paramTekst(ov.urenPerEenheid, peil), vindplaatsCel(ov.urenPerEenheid.herkomst.bestand, ov.urenPerEenheid.herkomst.regel, opties));
      if (ov.productiviteit) regel('productiviteitsprofiel', p.productiviteit, ov.productiviteit, vindplaatsCel(ov.herkomst.bestand, ov.herkomst.regel, opties));
      if (ov.inzet) regel('inzet', p.inzet.map((i) => `${i.aantal.toFixed()} × ${i.niveau}`).join(' + '), ov.inzet.map((i) => `${i.aantal.toFixed()} × ${i.niveau}`).join(' + '), vindplaatsCel(ov.herkomst.bestand, ov.herkomst.regel, opties));
      for (const k of ov.clientgebondenKosten ?? []) {
        regel(`cliëntgebonden kosten: ${k.soort}`, paramTekst(p.clientgebondenKosten.find((x) => x.soort === k.soort)?.param, peil), paramTekst(k.param, peil), vindplaatsCel(k.param.herkomst.bestand, k.param.herkomst.regel, opties));
      }
      return r;
    });
    return [
      {
        soort: 'tabel',
        kolommen: [
          { kop: 'product', breedte: '*' },
          { kop: 'parameter', breedte: 120 },
          { kop: 'productenboek', breedte: 80 },
          { kop: 'deze aanbieder', breedte: 80 },
          ...(metPlek ? [{ kop: 'vindplaats', breedte: 190 }] : []),
        ],
        rijen,
      },
    ];
  };

  const overzicht = (): Blok[] => [
    {
      soort: 'tabel',
      kolommen: [
        { kop: 'product', breedte: '*' },
        { kop: `tarief ${cao?.naam ?? a.cao}`, breedte: 96, rechts: true },
        { kop: 'tarief deze aanbieder', breedte: 96, rechts: true },
        { kop: 'status', breedte: 56 },
      ],
      rijen: tarieven.map((x) => {
        const basis = plan.tarieven.find((y) => y.product === x.product && y.variant === a.cao);
        const eenheid = x.tariefPerUur ? ' per minuut' : ` per ${x.eenheid}`;
        return {
          cellen: [cel(`${x.product} ${x.productnaam}`), cel(basis ? `${tariefBedrag(basis)}${eenheid}` : '—'), cel(`${tariefBedrag(x)}${eenheid}${x.tariefPerUur ? ` (${perUurBedrag(x)} per uur)` : ''}`, { vet: true }), cel(x.status)],
        };
      }),
    },
  ];

  const opbouw = (): Blok[] =>
    tarieven.flatMap((x): Blok[] => [
      { soort: 'kop', niveau: 2, tekst: `Opbouw ${x.product} ${x.productnaam}`, inhoud: true },
      stappenTabel(x.opbouw, `${x.product} · ${variantLabel(set, x)}: ${tariefBedrag(x)}${x.tariefPerUur ? ` per minuut (${perUurBedrag(x)} per uur)` : ''}`, bronnen, opties),
    ]);

  return {
    sjabloon: 'addendum.md.hbs',
    document: {
      ...kaftgegevens(set, plan, opties),
      naam: `addendum-${a.id}`,
      titel: 'Addendum aanbieder-specifiek tarief',
      ondertitel: a.contractnummer ? `${a.naam} · contractnummer ${a.contractnummer}` : a.naam,
      onderwerp: `Aanbieder-specifieke tarieven ${plan.model.tariefjaar} voor ${a.naam}`,
      trefwoorden: ['addendum', 'aanbieder-specifiek tarief', a.naam, set.regio, String(plan.model.tariefjaar)],
      inhoudsopgave: true,
      liggend: true,
    },
    view: {
      ...algemeneView(set, plan, opties),
      aanbieder: {
        id: a.id,
        naam: a.naam,
        cao: cao?.naam ?? a.cao,
        besluit: a.besluit.titel,
        besluitdatum: a.besluit.datum ?? null,
        contractnummer: a.contractnummer ?? null,
        aantalProducten: tarieven.length,
      },
      producten: tarieven.map((x) => ({ code: x.product, naam: x.productnaam })),
      // the agreement(s) this addendum belongs to: the contracts of its products, with their term
      contracten: contractenView(set).filter((c) => tarieven.some((x) => set.producten.find((p) => p.code === x.product)?.contract === c.id)),
      redenen: [
        ...(a.toelichting ? [a.toelichting] : []),
        ...a.producten.filter((p) => p.toelichting).map((p) => `${p.code} ${set.producten.find((x) => x.code === p.code)?.naam ?? ''}: ${p.toelichting}`),
      ],
      indexatie: set.indexcijfers ? { methode: set.indexcijfers.methode === 'vng' ? 'VNG' : 'NZa' } : null,
      // the article of the agreement the indexation rests on (inkoop.yaml indexatiebrief), for the indexation clause
      indexatieArtikel: set.inkoop?.indexatiebrief?.artikel ?? null,
    },
    blokken: {
      afwijkingen: { argumenten: null, maak: afwijkingen },
      tarieven: { argumenten: null, maak: overzicht },
      opbouw: { argumenten: null, maak: opbouw },
      ondertekening: {
        argumenten: null,
        maak: (): Blok[] => [
          {
            soort: 'tabel',
            kolommen: [
              { kop: '', breedte: 90 },
              { kop: `voor ${set.inkoop?.opdrachtgever ?? `de regio ${set.regio}`}`, breedte: '*' },
              { kop: `voor ${a.naam}`, breedte: '*' },
            ],
            rijen: ['naam', 'functie', 'plaats en datum', 'handtekening'].map((r) => {
              // room to sign: three empty lines
              const vak: Cel = r === 'handtekening' ? [[t('\u00a0')], [t('\u00a0')], [t('\u00a0')]] : cel('\u00a0');
              return { cellen: [cel(r), vak, vak] };
            }),
          },
        ],
      },
      bronnen: {
        argumenten: null,
        maak: () => [{ soort: 'tabel', klein: true, kolommen: [{ kop: 'nr', breedte: 26 }, { kop: 'bron', breedte: '*' }], rijen: bronnen.lijst.map((b, i) => ({ cellen: [cel(`[${i + 1}]`), cel(b)] })) }],
      },
    },
  };
}
