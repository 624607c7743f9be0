/** What a region sends its providers each round: old tariff, new tariff, the index and its source. Pure. */
import type { Decimal } from '../shared/decimal.ts';
import { euro, getal } from '../shared/format.ts';
import type { Tarievenplan } from '../model/types.ts';
import { tariefFormaat, type Cel, type Werkboek } from './werkboek.ts';

export interface IndexatieRegel {
  product: string;
  productnaam: string;
  variant: string;
  eenheid: string;
  oud?: Decimal;
  nieuw: Decimal;
  index?: Decimal;
  bron: string;
}

export interface IndexatieOverzicht {
  basis: Tarievenplan['model'];
  nieuw: Tarievenplan['model'];
  /** Made without --publicatie: the overview says CONCEPT (in the reader's words, not the command's). */
  concept: boolean;
  regels: IndexatieRegel[];
  bronnen: string[];
  werkboek: Werkboek;
}

/**
 * `label` names a variant as the documents do (variantLabel: "CAO Alfa", "Pgb: sociaal netwerk"); without it the
 * overview shows the variant's key.
 */
export function indexatieOverzicht(
  basis: Tarievenplan,
  nieuw: Tarievenplan,
  opties: { concept: boolean; label?: (t: Tarievenplan['tarieven'][number]) => string } = { concept: true },
): IndexatieOverzicht {
  const bronnen = new Set<string>();
  const regels = nieuw.tarieven.map((t): IndexatieRegel => {
    const oud = basis.tarieven.find((x) => x.product === t.product && x.variant === t.variant);
    const stap = t.opbouw.find((s) => s.stap === 'indexpercentage');
    const indexBronnen = t.opbouw.filter((s) => s.stap.startsWith('index')).flatMap((s) => s.parameters.filter((p) => p.pad.startsWith('indexcijfers.')).map((p) => p.bron));
    for (const b of indexBronnen) bronnen.add(b);
    return {
      product: t.product,
      productnaam: t.productnaam,
      variant: opties.label ? opties.label(t) : t.variant,
      eenheid: t.eenheid,
      ...(oud ? { oud: oud.tarief } : {}),
      nieuw: t.tarief,
      ...(stap ? { index: stap.waarde } : {}),
      bron: stap
        ? [...new Set(indexBronnen)].join('; ')
        : t.opbouw.some((s) => s.stap === 'pgb_geindexeerd')
          ? 'geen eigen index: een percentage van het geïndexeerde ZIN-tarief'
          : 'niet geïndexeerd (overgenomen tarief)',
    };
  });
  const tekst = (s: string): Cel => ({ waarde: s, stijl: 'tekst' });
  const werkboek: Werkboek = {
    titel: `Indexatie ${nieuw.model.tariefjaar} ${nieuw.model.regio}`,
    onderwerp: `Tarieven ${basis.model.tariefjaar} en ${nieuw.model.tariefjaar} met de toegepaste indexatie`,
    maker: 'tariefbouw',
    datum: nieuw.model.peildatum,
    namen: [],
    bladen: [
      {
        naam: `Indexatie ${nieuw.model.tariefjaar}`,
        titel: [
          `Indexatie van de tarieven ${basis.model.tariefjaar} naar ${nieuw.model.tariefjaar} · ${nieuw.model.regio}${regels.length ? '' : ''}`,
          `${nieuw.model.naam} · versie ${nieuw.model.versie} · vingerafdruk ${nieuw.model.vingerafdruk.slice(0, 16)}`,
          ...(opties.concept ? ['CONCEPT: bevat voorlopige of illustratieve waarden; niet als definitief overzicht versturen'] : []),
        ],
        kolommen: [
          { kop: 'productcode', breedte: 12 },
          { kop: 'product', breedte: 40 },
          { kop: 'variant', breedte: 24 },
          { kop: 'eenheid', breedte: 10 },
          { kop: `tarief ${basis.model.tariefjaar}`, breedte: 15 },
          { kop: 'indexatie', breedte: 11 },
          { kop: `tarief ${nieuw.model.tariefjaar}`, breedte: 15 },
          { kop: 'bron van de indexcijfers', breedte: 60 },
        ],
        rijen: regels.map((r) => [
          tekst(r.product),
          tekst(r.productnaam),
          tekst(r.variant),
          tekst(r.eenheid),
          r.oud ? { waarde: r.oud, formaat: tariefFormaat(r.oud) } : null,
          // the percentage as a spreadsheet holds it: 3,60 % is 0.036 with a % format
          r.index ? { waarde: r.index.div(100), formaat: 'procent' } : tekst('—'),
          { waarde: r.nieuw, formaat: tariefFormaat(r.nieuw), stijl: 'tarief' },
          tekst(r.bron),
        ]),
        autofilter: true,
        bevriesKolommen: 2,
        liggend: true,
        voettekst: `Indexatie ${nieuw.model.tariefjaar}`,
      },
    ],
  };
  return { basis: basis.model, nieuw: nieuw.model, concept: opties.concept, regels, bronnen: [...bronnen].sort(), werkboek };
}

export function indexatieMarkdown(o: IndexatieOverzicht): string {
  const r: string[] = [
    `# Indexatie van de tarieven ${o.basis.tariefjaar} naar ${o.nieuw.tariefjaar}`,
    '',
    `${o.nieuw.regio} · ${o.nieuw.naam} · versie ${o.nieuw.versie} · vingerafdruk ${o.nieuw.vingerafdruk.slice(0, 16)}`,
    '',
    ...(o.concept ? ['**CONCEPT**: bevat voorlopige of illustratieve waarden; niet als definitief overzicht versturen.', ''] : []),
    `De tarieven van ${o.basis.tariefjaar} zijn geïndexeerd met het percentage per product hieronder en daarna afgerond volgens de afrondingsregel van het product. Pgb-tarieven die een percentage van het ZIN-tarief zijn, volgen het geïndexeerde ZIN-tarief; overgenomen tarieven volgen hun eigen bron. De berekening staat in indexatie-${o.nieuw.tariefjaar}.pdf.`,
    '',
    '| product | variant | eenheid | tarief ' + o.basis.tariefjaar + ' | indexatie | tarief ' + o.nieuw.tariefjaar + ' |',
    '|---|---|---|--:|--:|--:|',
    ...o.regels.map((x) => `| ${x.product} ${x.productnaam.replace(/\|/g, '\\|')} | ${x.variant} | ${x.eenheid} | ${x.oud ? euro(x.oud) : '—'} | ${x.index ? `${getal(x.index, 2)} %` : '—'} | ${euro(x.nieuw)} |`),
    '',
    '## Bron van de indexcijfers',
    '',
    ...(o.bronnen.length ? o.bronnen.map((b) => `- ${b}`) : ['- (geen)']),
  ];
  return `${r.join('\n')}\n`;
}
