/**
 * inkoop.yaml where no test under test/params reached it (issue 14): the indexation letter as the set gives it,
 * and the no-show check, which only applies when the tariffs include no-show (methode other than geen). Each set
 * is an overlay on test/fixtures/sets/volledig-inkoop, whose no-show is 0 % for 07A01 and 44A01 (a warning each).
 */
import { describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { proefset } from '../proefset.ts';

const INKOOP = 'test/fixtures/sets/volledig-inkoop';
const BRIEF =
  'overeenkomst:\n  artikelen:\n    - id: A1\n      titel: Indexatie\n      tekst: De tarieven worden jaarlijks geïndexeerd.\n' +
  'indexatiebrief:\n  aan: De aanbieders\n  artikel: A1\n  contactpersoon:\n    naam: J. Jansen\n    email: contract@testregio.example\n  reactie: Binnen vier weken.\n';

describe('inkoop.yaml: de indexatiebrief', () => {
  it('zonder functie, telefoon en ondertekening: alleen wat er staat', () => {
    const { set } = laadParameterset(proefset({ 'inkoop.yaml': BRIEF }, INKOOP));
    expect(set.inkoop?.indexatiebrief).toStrictEqual({
      aan: 'De aanbieders',
      artikel: { id: 'A1', titel: 'Indexatie' },
      contactpersoon: { naam: 'J. Jansen', email: 'contract@testregio.example' },
      reactie: 'Binnen vier weken.',
    });
  });

  it('met functie, telefoon en ondertekening', () => {
    const tekst = `${BRIEF.replace('    email:', '    functie: contractmanager\n    telefoon: 0123 45 67 89\n    email:')}  ondertekening: Het inkoopteam\n`;
    const { set } = laadParameterset(proefset({ 'inkoop.yaml': tekst }, INKOOP));
    expect(set.inkoop?.indexatiebrief).toStrictEqual({
      aan: 'De aanbieders',
      artikel: { id: 'A1', titel: 'Indexatie' },
      contactpersoon: { naam: 'J. Jansen', email: 'contract@testregio.example', functie: 'contractmanager', telefoon: '0123 45 67 89' },
      reactie: 'Binnen vier weken.',
      ondertekening: 'Het inkoopteam',
    });
  });
});

describe('inkoop.yaml: no-show', () => {
  const noShow = (w: { melding: string }[]) => w.map((x) => x.melding).filter((m) => m.includes('no-show'));

  it('no-show in het tarief (volledig-inkoop): een waarschuwing per product met 0 %', () => {
    expect(noShow(laadParameterset(INKOOP).waarschuwingen)).toEqual([
      'het tarief van 07A01 Dagbesteding groep bevat geen no-show (0 %), maar een aanbieder mag no-show niet declareren',
      'het tarief van 44A01 Logeren bevat geen no-show (0 %), maar een aanbieder mag no-show niet declareren',
    ]);
  });

  it('methode geen: de tarieven rekenen geen no-show, dus geen waarschuwing over 0 %', () => {
    expect(noShow(laadParameterset(proefset({ 'opslagen.yaml': 'no_show:\n  methode: geen\n' }, INKOOP)).waarschuwingen)).toEqual([]);
  });
});
