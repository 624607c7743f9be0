/** Synthetic parameter sets for benchmarks: the test set scaled to many products and CAOs. */
import type { Cao, KostprijsProduct, ParameterSet, Product } from '../src/params/types.ts';
import { Decimal } from '../src/shared/decimal.ts';

/** Copies CAO alfa into `aantal` CAOs with salaries 0 %, 1 %, 2 %, … higher. */
function caos(basis: ParameterSet, aantal: number): Map<string, Cao> {
  const alfa = basis.caos.get('alfa')!;
  const uit = new Map<string, Cao>();
  for (let i = 0; i < aantal; i++) {
    const id = i === 0 ? 'alfa' : `alfa${i + 1}`;
    const factor = new Decimal(100 + i).div(100);
    uit.set(id, {
      ...alfa,
      id,
      naam: `${alfa.naam} ${i + 1}`,
      tabellen: alfa.tabellen.map((t) => ({
        ...t,
        schalen: new Map([...t.schalen].map(([s, m]) => [s, new Map([...m].map(([tr, c]) => [tr, { ...c, bedrag: c.bedrag.times(factor).toDecimalPlaces(2) }]))])),
      })),
    });
  }
  return uit;
}

export function synthetischeSet(basis: ParameterSet, aantalProducten: number, aantalCaos = 2): ParameterSet {
  const sjablonen = basis.producten.filter((p): p is KostprijsProduct => p.berekening === 'kostprijs' && p.caos.includes('alfa'));
  const nieuweCaos = aantalCaos > 2 ? caos(basis, aantalCaos) : basis.caos;
  const caoIds = aantalCaos > 2 ? [...nieuweCaos.keys()] : undefined;
  const producten: Product[] = [];
  for (let i = 0; i < aantalProducten; i++) {
    const s = sjablonen[i % sjablonen.length]!;
    producten.push({
      ...s,
      code: `9${String(i).padStart(4, '0')}`,
      naam: `${s.naam} ${i}`,
      ...(caoIds ? { caos: caoIds } : {}),
      inzet: s.inzet.map((x, k) => ({ ...x, aantal: x.aantal.plus(new Decimal(i % 7).div(10 + k)).toDecimalPlaces(4) })),
    });
  }
  return { ...basis, caos: nieuweCaos, producten, aanbieders: [], controletotalen: [] };
}
