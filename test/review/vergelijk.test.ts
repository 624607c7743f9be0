/** `vergelijk`: which parameters changed and exactly which tariffs they moved, from folders and from git refs. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laadParameterset } from '../../src/params/laden.ts';
import { berekenTarieven } from '../../src/model/bereken.ts';
import { vergelijk } from '../../src/model/vergelijk.ts';
import { publicatieBezwaren } from '../../src/model/publicatie.ts';
import { voerUit } from '../cli/hulp.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'tariefbouw-vergelijk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], cwd = ROOT) => voerUit(args, cwd);

describe('vergelijk twee mappen', () => {
  // A copy of the default set in which one CAO table changed: every amount of CAO Jeugdzorg + 2 %.
  const kopie = path.join(tmp, 'models', 'voorbeeldregio-2027');
  beforeAll(() => {
    cpSync(path.join(ROOT, 'models/voorbeeldregio-2027'), kopie, { recursive: true });
    const caoBestand = path.join(kopie, 'cao/jeugdzorg.yaml');
    const tekst = readFileSync(caoBestand, 'utf8');
    const gewijzigd = tekst.replace(/("\d+":\s*\[)([^\]]+)\]/g, (_, kop: string, lijst: string) => `${kop}${lijst.split(',').map((x) => (x.trim() === 'null' ? ' null' : ` ${(Number(x) * 1.02).toFixed(2)}`)).join(',').trimStart()}]`);
    expect(gewijzigd).not.toBe(tekst);
    writeFileSync(caoBestand, gewijzigd);
    writeFileSync(path.join(kopie, 'controletotalen.yaml'), 'controletotalen: []\n');
  });

  it('noemt precies de tarieven die bewegen, met het juiste verschil', async () => {
    const r = await run(['vergelijk', path.join(ROOT, 'models/voorbeeldregio-2027'), kopie, '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    const oud = berekenTarieven(laadParameterset(path.join(ROOT, 'models/voorbeeldregio-2027')).set);
    const nieuw = berekenTarieven(laadParameterset(kopie).set);
    const verwacht = new Map<string, string>();
    for (const t of nieuw.tarieven) {
      const o = oud.tarieven.find((x) => x.product === t.product && x.variant === t.variant)!;
      if (!o.tarief.eq(t.tarief)) verwacht.set(`${t.product}/${t.variant}`, t.tarief.minus(o.tarief).toFixed(2));
    }
    expect(verwacht.size).toBeGreaterThan(5);
    const gevonden = new Map<string, string>(j.tarieven.map((t: { product: string; variant: string; delta: string }) => [`${t.product}/${t.variant}`, t.delta]));
    expect(gevonden).toEqual(verwacht);
    // only products under CAO Jeugdzorg move, and only the Jeugdzorg table changed
    const set = laadParameterset(kopie).set;
    for (const sleutel of gevonden.keys()) {
      const p = set.producten.find((x) => x.code === sleutel.split('/')[0])!;
      expect(p.berekening !== 'overgenomen' && p.caos.includes('jeugdzorg'), sleutel).toBe(true);
    }
    expect(j.parameters.length).toBeGreaterThan(0);
    for (const p of j.parameters) expect(p.pad).toMatch(/^cao\.jeugdzorg\.tabel\.schaal/);
    // each changed parameter lists the tariffs it moved (the reverse of the opbouw)
    const bewogen = new Set(j.parameters.flatMap((p: { tarieven: string[] }) => p.tarieven));
    expect(bewogen).toEqual(new Set(gevonden.keys()));
  });

  it('naar jaargemiddelde (met ORT-maximum): alleen de keuzes en de tabelcellen die erbij komen, niet de tabel van 1 januari', () => {
    const v = vergelijk(berekenTarieven(laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig')).set), berekenTarieven(laadParameterset(path.join(ROOT, 'test/fixtures/sets/volledig-jaargemiddelde')).set));
    expect(v.parameters.map((p) => `${p.pad}: ${p.oud?.waarde ?? '—'} → ${p.nieuw?.waarde ?? '—'}`).sort()).toEqual([
      'cao.alfa.ort_maximum: — → schaal 8 trede 0',
      'cao.alfa.tabel.schaal[8].trede[0]: — → 3000',
      'cao.alfa.tabel[vanaf juli].schaal[10].trede[1]: — → 4326',
      'cao.alfa.tabel[vanaf juli].schaal[10].trede[2]: — → 4532',
      'cao.alfa.tabel[vanaf juli].schaal[8].trede[0]: — → 3090',
      'cao.alfa.tabel[vanaf juli].schaal[8].trede[1]: — → 3193',
      'model.salaristabellen: — → jaargemiddelde',
    ]);
  });

  it('geeft Markdown voor een pull request: eerst wat vergeleken is en de oorzaak, de tarieven gevouwen', async () => {
    const r = await run(['vergelijk', path.join(ROOT, 'models/voorbeeldregio-2027'), kopie, '--markdown']);
    expect(r.out).toMatch(/^## Tariefimpact: Voorbeeldregio 2027 → Voorbeeldregio 2027\n\nVergeleken: `\/.*models\/voorbeeldregio-2027` \(Voorbeeldregio 2027, tariefjaar 2027, versie 0\.1, vingerafdruk [0-9a-f]{12}\) met `/);
    expect(r.out).toContain('| parameter | oud → nieuw | waar | bewoog | Δ % | grootste |');
    // the example set has volumes: the tariffs are ranked by budget effect, minute tariffs with their hourly equivalent
    expect(r.out).toContain('### Tarieven (grootste begrotingseffect eerst: Δ tarief × verwacht volume)');
    expect(r.out).toContain('| product | variant | eenheid | oud | nieuw | Δ € | Δ % | per uur | Δ begroting | door |');
    expect(r.out).toMatch(/<details><summary>\d+ tarieven<\/summary>/);
    // the parameters (the cause) come before the tariffs
    expect(r.out.indexOf('### Oorzaak: gewijzigde parameters')).toBeGreaterThan(0);
    expect(r.out.indexOf('### Oorzaak: gewijzigde parameters')).toBeLessThan(r.out.indexOf('### Tarieven'));
    // the controletotalen of the copy were emptied: listed as changes
    expect(r.out).toMatch(/Controletotalen: [^\n]*vervallen \(was € /);
  });

  it('Markdown met een kleine limiet: de samenvatting en de parametertabel passen, de limiet wordt nooit overschreden', async () => {
    for (const max of [1000, 1500, 2500, 6000]) {
      const r = await run(['vergelijk', path.join(ROOT, 'models/voorbeeldregio-2027'), kopie, '--markdown', '--max-tekens', String(max)]);
      expect(r.code).toBe(0);
      expect(r.out.length, `limiet ${max}`).toBeLessThanOrEqual(max);
      expect(r.out, `limiet ${max}`).toContain('### Oorzaak: gewijzigde parameters');
      // the 12 changed cells of CAO Jeugdzorg, as one row when the table of 12 rows does not fit
      expect(r.out, `limiet ${max}`).toMatch(/\| `cao\.jeugdzorg\.tabel\.schaal\[(…|\d+)\]\.trede\[(…|\d+)\]` \|/);
      expect(r.out, `limiet ${max}`).toContain('**12 parameters gewijzigd ·');
      if (max < 6000) expect(r.out).toContain('> Afgekapt (limiet ');
    }
  });

  it('parameters vóór tarieven, ook in de tekst voor de terminal', async () => {
    const r = await run(['vergelijk', path.join(ROOT, 'models/voorbeeldregio-2027'), kopie]);
    const oorzaak = r.out.indexOf('Oorzaak: gewijzigde parameters');
    expect(oorzaak).toBeGreaterThan(0);
    expect(oorzaak).toBeLessThan(r.out.indexOf('Tarieven (grootste begrotingseffect eerst)'));
    // a parameter line says what it moved: how many tariffs, the range of Δ % and the largest moves
    expect(r.out).toMatch(/bewoog \d+ tarieven, Δ % \+\d+,\d\d % … \+\d+,\d\d %; grootste: /);
  });

  it('afsluitcode 0 bij verschil, 1 met --faal-bij-verschil, 0 zonder verschil', async () => {
    const basis = path.join(ROOT, 'models/voorbeeldregio-2027');
    expect((await run(['vergelijk', basis, kopie])).code).toBe(0);
    expect((await run(['vergelijk', basis, kopie, '--faal-bij-verschil'])).code).toBe(1);
    const gelijk = await run(['vergelijk', basis, basis, '--faal-bij-verschil']);
    expect(gelijk.code).toBe(0);
    expect(gelijk.out).toContain('Geen verschil.');
  });

  it('meldt toegevoegde en vervallen producten als zodanig, niet als fout', async () => {
    const r = await run(['vergelijk', path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(ROOT, 'test/fixtures/sets/e2-esf'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.samenvatting.productenNieuw).toEqual(['99E02']);
    expect(j.samenvatting.productenVervallen).toContain('45A01');
  });

  it('een onbekende set of ref geeft een Nederlandse melding en afsluitcode 2 (verkeerd gebruik)', async () => {
    const r = await run(['vergelijk', 'bestaat-niet-xyz']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("fout: 'bestaat-niet-xyz' is geen parameterset en geen git-ref");
  });
});

describe('vergelijk een ander aandeel van een component', () => {
  // The indexed test set with 44A01 in components; in the copy dienst goes from 75 to 70 % and huisvesting from 15 to 20 %.
  const map = path.join(tmp, 'componenten');
  beforeAll(() => {
    cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(map, 'volledig'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd'), path.join(map, 'volledig-geindexeerd'), { recursive: true });
    const ic = path.join(map, 'volledig-geindexeerd/indexcijfers.yaml');
    const tekst = readFileSync(ic, 'utf8');
    const gewijzigd = tekst.replace(/(dienst:\n\s+aandeel: \{ eenheid: procent, waarde: )75/, '$170').replace(/(huisvesting:\n\s+aandeel: \{ eenheid: procent, waarde: )15/, '$120');
    expect(gewijzigd.split('\n').filter((r, i) => r !== tekst.split('\n')[i])).toHaveLength(2);
    writeFileSync(ic, gewijzigd);
  });

  it('noemt de aandelen oud → nieuw, met precies de tarieven van het product dat ze bewegen', async () => {
    const r = await run(['vergelijk', path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd'), path.join(map, 'volledig-geindexeerd'), '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    const pad = (p: { pad: string }) => p.pad;
    expect(j.parameters.map(pad).sort()).toEqual(['indexcijfers.producten.44A01.componenten.dienst.aandeel', 'indexcijfers.producten.44A01.componenten.huisvesting.aandeel']);
    const dienst = j.parameters.find((p: { pad: string }) => p.pad.endsWith('dienst.aandeel'));
    expect([dienst.oud.waarde, dienst.nieuw.waarde]).toEqual(['75', '70']);
    expect(dienst.nieuw.bestand).toMatch(/volledig-geindexeerd\/indexcijfers\.yaml$/);
    // every variant of 44A01 moves (the pgb tariffs through the indexed ZIN tariff), nothing else
    const varianten = berekenTarieven(laadParameterset(path.join(map, 'volledig-geindexeerd')).set).tarieven.filter((t) => t.product === '44A01').map((t) => `44A01/${t.variant}`);
    expect(new Set(dienst.tarieven)).toEqual(new Set(varianten));
    expect(new Set(j.tarieven.map((t: { product: string; variant: string }) => `${t.product}/${t.variant}`))).toEqual(new Set(varianten));
    // (70 × 6,20 + 20 × 2,50 + 10 × 2,46) ÷ 100 = 5,086 → 5,09 %; 243,82 × 1,0509 = 256,23
    const alfa = j.tarieven.find((t: { variant: string }) => t.variant === 'alfa');
    expect([alfa.oud, alfa.nieuw]).toEqual(['256.67', '256.23']);
  });

  it('Markdown noemt het aandeel bij de gewijzigde parameters', async () => {
    const r = await run(['vergelijk', path.join(ROOT, 'test/fixtures/sets/volledig-geindexeerd'), path.join(map, 'volledig-geindexeerd'), '--markdown']);
    expect(r.out).toContain('indexcijfers.producten.44A01.componenten.dienst.aandeel');
  });
});

describe('vergelijk git-refs', () => {
  const repo = path.join(tmp, 'repo');
  const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...a], { cwd: repo, stdio: 'pipe' });
  const opslagen = path.join(repo, 'models/volledig/opslagen.yaml');
  let origineel = '';
  beforeAll(() => {
    cpSync(path.join(ROOT, 'test/fixtures/sets/volledig'), path.join(repo, 'models/volledig'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'eerste');
    origineel = readFileSync(opslagen, 'utf8');
    writeFileSync(opslagen, origineel.replace(/(standaard:\n {4}eenheid: procent\n {4}waarde: )20/, '$121'));
    git('commit', '-qam', 'overhead 21 procent');
    git('tag', 'v2');
  });

  it('leest beide kanten uit git zonder de werkmap te veranderen', async () => {
    writeFileSync(opslagen, origineel.replace(/(standaard:\n {4}eenheid: procent\n {4}waarde: )20/, '$125'));
    const r = await run(['vergelijk', 'HEAD~1', 'v2', '--set', 'volledig', '--json'], repo);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.parameters.map((p: { pad: string }) => p.pad)).toEqual(['opslagen.overhead.standaard']);
    expect(j.parameters[0].oud.waarde).toBe('20');
    expect(j.parameters[0].nieuw.waarde).toBe('21');
    // the uncommitted change (25 %) is untouched and not used for v2
    expect(readFileSync(opslagen, 'utf8')).toContain('waarde: 25');
    // ref against the working tree
    const w = await run(['vergelijk', 'main', '--set', 'volledig', '--json'], repo);
    expect(JSON.parse(w.out).parameters[0].nieuw.waarde).toBe('25');
    writeFileSync(opslagen, readFileSync(opslagen, 'utf8').replace('waarde: 25', 'waarde: 21'));
  });

  it('ref:pad is een pad vanaf de hoofdmap van de repository, zoals in git, ook vanuit een submap', async () => {
    const sub = path.join(repo, 'models/volledig/cao');
    // the working tree has 21 % (the test above put it back); HEAD~1 has 20 %
    const r = await run(['vergelijk', 'HEAD~1:models/volledig', '--json'], sub);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.parameters.map((p: { pad: string; oud: { waarde: string }; nieuw: { waarde: string } }) => `${p.pad} ${p.oud.waarde} → ${p.nieuw.waarde}`)).toEqual(['opslagen.overhead.standaard 20 → 21']);
    // both sides from git, one by name and one by path; and ./.. as a path from the working folder, as git does
    const b = await run(['vergelijk', 'HEAD~1:volledig', 'HEAD:models/volledig', '--json'], sub);
    expect(b.code, b.err).toBe(0);
    expect(JSON.parse(b.out).parameters).toHaveLength(1);
    const c = await run(['vergelijk', 'HEAD~1:..', '--json'], sub);
    expect(c.code, c.err).toBe(0);
    expect(JSON.parse(c.out).parameters).toHaveLength(1);
    // a bare ref from a subfolder: the default set, from the root
    const d = await run(['vergelijk', 'HEAD~1', '--set', 'volledig', '--json'], sub);
    expect(d.code, d.err).toBe(0);
    expect(JSON.parse(d.out).parameters).toHaveLength(1);
  });

  it('meldt een onbekende ref, een set die op die ref niet bestaat en een pad buiten de repository (exit 2)', async () => {
    const a = await run(['vergelijk', 'HEAD~1:volledig', 'geen-ref-abc:volledig'], repo);
    expect(a.code).toBe(2);
    expect(a.err).toContain("fout: onbekende git-ref 'geen-ref-abc'");
    const b = await run(['vergelijk', 'HEAD~1:andere-set', 'volledig'], repo);
    expect(b.code).toBe(2);
    expect(b.err).toContain("fout: de set models/andere-set bestaat niet op 'HEAD~1'");
    const c = await run(['vergelijk', 'HEAD:/etc', 'volledig'], repo);
    expect(c.code).toBe(2);
    expect(c.err).toContain('fout: /etc ligt buiten de git-repository');
    expect(c.err).not.toContain('interne fout');
  });
});

describe('vergelijk: alleen status of bron gewijzigd', () => {
  // A copy of the default set in which only the status of the overhead changed (illustratief → vastgesteld) and the
  // source of the material weight for indexation: no value, so no tariff, moves.
  const map = path.join(tmp, 'status', 'models', 'voorbeeldregio-2027');
  cpSync(path.join(ROOT, 'models/voorbeeldregio-2027'), map, { recursive: true });
  const opslagen = path.join(map, 'opslagen.yaml');
  const voor = readFileSync(opslagen, 'utf8');
  const na = voor.replace('    bron: illustratief-tariefbouw\n    status: illustratief\n', '    bron: illustratief-tariefbouw\n    status: vastgesteld\n');
  expect(na).not.toBe(voor);
  writeFileSync(opslagen, na);

  it('is een verschil: "1 waarde nu vastgesteld, publicatie nog geweigerd om M", en de waarde in de tabel status en bron', async () => {
    const basis = path.join(ROOT, 'models/voorbeeldregio-2027');
    // M: what genereer --publicatie would refuse in the changed set (status or source, not the controletotalen)
    const set = laadParameterset(map).set;
    const m = publicatieBezwaren(set, berekenTarieven(set)).filter((b) => b.soort !== 'controletotaal').length;
    const voorM = publicatieBezwaren(laadParameterset(basis).set, berekenTarieven(laadParameterset(basis).set)).filter((b) => b.soort !== 'controletotaal').length;
    expect(m).toBe(voorM - 1);
    const r = await run(['vergelijk', basis, map, '--markdown']);
    expect(r.out).toContain('**0 parameters gewijzigd · 0 tarieven bewogen ·');
    expect(r.out).toContain(`Status: 1 waarde nu vastgesteld; publicatie nog geweigerd om ${m} waarden`);
    expect(r.out).toContain('### Status en bron');
    expect(r.out).toMatch(/\| `opslagen\.overhead\.standaard` \| 22 % \| illustratief → vastgesteld \|/);
    expect(r.out).not.toContain('Geen verschil');
    const j = JSON.parse((await run(['vergelijk', basis, map, '--json'])).out);
    expect(j.status_en_bron).toHaveLength(1);
    expect(j.status_en_bron[0].pad).toBe('opslagen.overhead.standaard');
    expect(j.samenvatting.publicatieBezwaren).toBe(m);
    expect((await run(['vergelijk', basis, map, '--faal-bij-verschil'])).code).toBe(1);
  });
});
