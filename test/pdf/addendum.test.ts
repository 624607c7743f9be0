/**
 * The addendum as a contract document: the agreement, its number (aanbieders/<aanbieder>.yaml contractnummer) and term, the reasons from the set
 * (aanbieders/<aanbieder>.yaml toelichting), an indexation clause and signature blocks for both parties.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { vulSjabloon } from '../../src/cli/documenten.ts';
import { addendumSpec } from '../../src/docmodel/documenten/addendum.ts';
import type { Blok } from '../../src/docmodel/document.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const { set } = laadParameterset(path.join(ROOT, 'models/voorbeeldregio-2027'));
const plan = berekenTarieven(set);
const a = set.aanbieders[0]!;
const doc = vulSjabloon(addendumSpec(set, plan, a, { publicatie: false, setMap: 'models/voorbeeldregio-2027' }), path.join(ROOT, 'templates'));
const tekst = (bs: Blok[]): string =>
  bs
    .map((b) =>
      b.soort === 'kop' ? b.tekst : b.soort === 'alinea' ? b.inhoud.map((x) => x.tekst).join('') : b.soort === 'lijst' ? b.items.map(tekst).join('\n') : b.soort === 'tabel' ? [b.kolommen.map((k) => k.kop).join(' | '), ...b.rijen.map((r) => r.cellen.map((c) => c.map((l) => l.map((x) => x.tekst).join('')).join('/')).join(' | '))].join('\n') : '',
    )
    .join('\n')
    .replace(/\u00a0/g, ' ');
const t = tekst(doc.blokken);

describe('addendum', () => {
  it('noemt de overeenkomst en de looptijd, de reden uit de set, een indexatiebepaling en ondertekening door beide partijen', () => {
    expect(t).toContain('Dit addendum maakt deel uit van de overeenkomst Dagbesteding en logeren Wmo (Open House) met Zorgboerderij De Linde, contractnummer VR-2027-DW-0142. Het geldt zolang die overeenkomst loopt: 4 jaar vanaf 1 januari 2027');
    expect(doc.ondertitel).toBe('Zorgboerderij De Linde · contractnummer VR-2027-DW-0142');
    expect(t).toContain('Fictieve zorgboerderij die dagbesteding biedt aan volwassenen met ernstig probleemgedrag.');
    expect(t).toContain('07A03 Dagbesteding hoog: Kleinere groep;');
    expect(t).toContain('worden elk jaar per 1 januari geïndexeerd zoals de andere tarieven van de overeenkomst (volgens de VNG-methode). Zo bepaalt artikel O7 (Indexatie) van de overeenkomst.');
    expect(t).toContain(' | voor Inkoopbureau Sociaal Domein Voorbeeldregio | voor Zorgboerderij De Linde\nnaam |   |  \nfunctie');
    expect(t).toContain('handtekening |  / / ');
  });
});
